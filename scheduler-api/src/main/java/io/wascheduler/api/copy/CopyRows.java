package io.wascheduler.api.copy;

import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, newline-terminated, {@code \N} for null), built
 * straight into one buffer. Only backslash, tab, newline and carriage return need escaping, which is far
 * cheaper than the quoting of text-array parameters.
 */
public final class CopyRows {

    /** A message row with its content is a few hundred characters; a good first guess saves regrowing. */
    private static final int TYPICAL_ROW_CHARS = 384;

    private final StringBuilder text;
    private boolean rowStarted;
    private int rows;

    public CopyRows(int expectedRows) {
        this.text = new StringBuilder(expectedRows * TYPICAL_ROW_CHARS);
    }

    public CopyRows add(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        appendEscaped(value);
        return this;
    }

    public CopyRows add(long value) {
        separate();
        text.append(value);
        return this;
    }

    public CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void appendEscaped(String value) {
        int first = firstSpecial(value);
        if (first < 0) {
            text.append(value);
            return;
        }
        text.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    /** Most values (ids, numbers, JSON without escapes) need no escaping and are appended whole. */
    private static int firstSpecial(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }
}
