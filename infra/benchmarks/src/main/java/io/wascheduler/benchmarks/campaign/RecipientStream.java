package io.wascheduler.benchmarks.campaign;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * NDJSON recipient rows generated while they are read, so a million rows never exist in memory at once.
 * Numbers are distinct UK mobile numbers (+4474000xxxxx), valid in libphonenumber's numbering plan.
 */
final class RecipientStream extends InputStream {

    private static final long FIRST_NUMBER = 447_400_000_000L;

    private final long end;
    private long next;
    private byte[] line = new byte[0];
    private int offset;

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of the benchmark's recipient list. */
    RecipientStream(long from, long to) {
        this.next = from;
        this.end = to;
    }

    static String number(long row) {
        return "+" + (FIRST_NUMBER + row);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int from, int length) {
        int written = 0;
        while (written < length) {
            if (offset == line.length) {
                if (next == end) {
                    return written == 0 ? -1 : written;
                }
                line = ("{\"to\":\"" + number(next) + "\",\"vars\":{\"name\":\"R" + next + "\"}}\n").getBytes(StandardCharsets.UTF_8);
                offset = 0;
                next++;
            }
            int copied = Math.min(length - written, line.length - offset);
            System.arraycopy(line, offset, buffer, from + written, copied);
            offset += copied;
            written += copied;
        }
        return written;
    }
}
