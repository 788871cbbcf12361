package io.wascheduler.projector.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary serde for the projector's own state and repartition records, which are written and read on
 * every event: a fraction of what JSON costs. The first byte names the format; a record that starts with
 * {@code '{'} was written as JSON by an earlier version of the projector (a store, its changelog or a
 * repartition topic left from before an upgrade) and is still read.
 */
final class CompactSerde<T> implements Serde<T> {

    /** How one type is written after the format byte. */
    interface Codec<T> {
        void write(T value, DataOutputStream out) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    static final byte FORMAT = 1;
    private static final byte JSON_START = '{';
    private static final int INITIAL_BUFFER = 128;

    private final Class<T> type;
    private final Codec<T> codec;
    private final JsonSerde<T> earlierJson;

    CompactSerde(Class<T> type, Codec<T> codec) {
        this.type = type;
        this.codec = codec;
        this.earlierJson = new JsonSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(INITIAL_BUFFER);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT);
                codec.write(value, out);
            } catch (IOException e) {
                throw new SerializationException("Unwritable " + type.getSimpleName() + " on " + topic, e);
            }
            return bytes.toByteArray();
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> json = earlierJson.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == JSON_START) {
                return json.deserialize(topic, bytes);
            }
            if (bytes.length == 0 || bytes[0] != FORMAT) {
                throw new SerializationException("Unknown format of " + type.getSimpleName() + " on " + topic);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
                return codec.read(in);
            } catch (IOException e) {
                throw new SerializationException("Unreadable " + type.getSimpleName() + " on " + topic, e);
            }
        };
    }
}
