package io.wascheduler.sandbox.send;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids shaped like Meta's. A wamid is {@code wamid.} + base64 of Meta's framing around the recipient's digits
 * and an 18-character hex id; the id joins a random per-process prefix and a counter, so it never repeats within
 * a run and almost surely not across runs.
 */
final class MessageIds {

    private static final byte[] HEADER = {0x1C, 0x18};
    private static final byte[] MIDDLE = {0x15, 0x02, 0x00, 0x11, 0x18, 0x12};
    private static final byte[] TRAILER = {0x00};

    private final int processPrefix = new SecureRandom().nextInt();
    private final AtomicLong sequence = new AtomicLong();

    String newWamid(String waId) {
        byte[] digits = waId.getBytes(StandardCharsets.US_ASCII);
        byte[] unique = uniqueHex().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer frame = ByteBuffer.allocate(HEADER.length + 1 + digits.length + MIDDLE.length + unique.length
                + TRAILER.length);
        frame.put(HEADER).put((byte) digits.length).put(digits).put(MIDDLE).put(unique).put(TRAILER);
        return "wamid." + Base64.getEncoder().encodeToString(frame.array());
    }

    /** Not a secret, and produced for every refusal in a rate-limit storm: a fast generator is enough. */
    String newFbtraceId() {
        byte[] bytes = new byte[18];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 23);
    }

    private String uniqueHex() {
        long next = sequence.incrementAndGet() & 0xFF_FFFF_FFFFL;
        ByteBuffer id = ByteBuffer.allocate(9).putInt(processPrefix).put((byte) (next >>> 32)).putInt((int) next);
        return HexFormat.of().withUpperCase().formatHex(id.array());
    }
}
