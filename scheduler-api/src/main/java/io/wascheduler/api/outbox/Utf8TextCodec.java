package io.wascheduler.api.outbox;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.message.Format;
import reactor.core.publisher.Mono;

/** Binds {@link Utf8Text} as a {@code text} parameter whose bytes are sent as they are. Encodes only; text reads back as a String. */
final class Utf8TextCodec implements Codec<Utf8Text> {

    private static final int TEXT = PostgresqlObjectId.TEXT.getObjectId();

    @Override
    public boolean canDecode(int dataType, Format format, Class<?> type) {
        return false;
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof Utf8Text;
    }

    @Override
    public boolean canEncodeNull(Class<?> type) {
        return type == Utf8Text.class;
    }

    @Override
    public Utf8Text decode(ByteBuf buffer, int dataType, Format format, Class<? extends Utf8Text> type) {
        throw new UnsupportedOperationException("Utf8Text is only bound, never read");
    }

    @Override
    public EncodedParameter encode(Object value) {
        return encode(value, TEXT);
    }

    @Override
    public EncodedParameter encode(Object value, int dataType) {
        byte[] utf8 = ((Utf8Text) value).utf8();
        return new EncodedParameter(Format.FORMAT_TEXT, dataType, Mono.fromSupplier(() -> Unpooled.wrappedBuffer(utf8)));
    }

    @Override
    public EncodedParameter encodeNull() {
        return new EncodedParameter(Format.FORMAT_TEXT, TEXT, EncodedParameter.NULL_VALUE);
    }
}
