package io.wascheduler.model.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tells a first schedule apart by comparing bytes, for an event laid out as {@link EventCodec#encode} writes it: no
 * whitespace, the envelope's plain fields and its type before the payload, the payload's version among its first plain
 * fields, no escape in any string read on the way. Creating a JSON parser for each of a launch's million commands, only
 * to read its first hundred bytes, was a tenth of the CPU of each service that skips first schedules. Bytes laid out
 * any other way (another writer, an escaped string, a value that is not a plain string or number) are left
 * {@link Verdict#UNDECIDED}, for the parser to read.
 */
final class FirstScheduleLayout {

    enum Verdict { FIRST_SCHEDULE, OTHER, UNDECIDED }

    private static final byte[] TYPE = bytes("type");
    private static final byte[] PAYLOAD = bytes("payload");
    private static final byte[] VERSION = bytes("version");
    private static final byte[] MESSAGE_SCHEDULED = bytes(EventType.MESSAGE_SCHEDULED.wireName());
    private static final byte[][] LITERALS = {bytes("true"), bytes("false"), bytes("null")};
    /** More digits than this could overflow a long; such a version is left to the parser. */
    private static final int MAX_VERSION_DIGITS = 18;

    private FirstScheduleLayout() {
    }

    static Verdict of(byte[] json) {
        if (!is(json, 0, '{')) {
            return Verdict.UNDECIDED;
        }
        boolean scheduled = false;
        for (int at = 1; at >= 0; at = nextName(json, at)) {
            int value = valueOf(json, at);
            if (value < 0) {
                return Verdict.UNDECIDED;
            }
            if (named(json, at, value - 2, TYPE)) {
                int typeEnd = stringEnd(json, value);
                if (typeEnd < 0) {
                    return Verdict.UNDECIDED;
                }
                if (!named(json, value, typeEnd, MESSAGE_SCHEDULED)) {
                    return Verdict.OTHER;
                }
                scheduled = true;
                at = typeEnd + 1;
            } else if (named(json, at, value - 2, PAYLOAD)) {
                return scheduled ? payloadVerdict(json, value) : Verdict.UNDECIDED;
            } else {
                at = plainValueEnd(json, value);
            }
        }
        return Verdict.UNDECIDED;
    }

    /** The payload starting at {@code at}: its version, if a plain field before it names it. */
    private static Verdict payloadVerdict(byte[] json, int at) {
        if (!is(json, at, '{')) {
            return Verdict.UNDECIDED;
        }
        for (int name = at + 1; name >= 0; ) {
            int value = valueOf(json, name);
            if (value < 0) {
                return Verdict.UNDECIDED;
            }
            if (named(json, name, value - 2, VERSION)) {
                return versionVerdict(json, value);
            }
            name = nextName(json, plainValueEnd(json, value));
        }
        return Verdict.UNDECIDED;
    }

    /** Where the value of the property whose name opens at {@code name} starts (after its colon); -1 if it is not one. */
    private static int valueOf(byte[] json, int name) {
        int nameEnd = stringEnd(json, name);
        return nameEnd >= 0 && is(json, nameEnd + 1, ':') ? nameEnd + 2 : -1;
    }

    /** Where the next property's name opens, after a value that ended at {@code valueEnd}; -1 if no comma follows. */
    private static int nextName(byte[] json, int valueEnd) {
        return is(json, valueEnd, ',') ? valueEnd + 1 : -1;
    }

    private static Verdict versionVerdict(byte[] json, int at) {
        int start = at;
        long version = 0;
        while (at < json.length && isDigit(json[at])) {
            version = version * 10 + (json[at] - '0');
            at++;
        }
        int digits = at - start;
        boolean leadingZero = digits > 1 && json[start] == '0';
        if (digits == 0 || digits > MAX_VERSION_DIGITS || leadingZero || !(is(json, at, ',') || is(json, at, '}'))) {
            return Verdict.UNDECIDED;
        }
        return MessageScheduled.isFirstVersion(version) ? Verdict.FIRST_SCHEDULE : Verdict.OTHER;
    }

    /**
     * The index of the closing quote of the string opening at {@code at}; -1 if there is none, or if something other
     * than printable ASCII comes first (an escape, a control character the parser would refuse, any non-ASCII byte).
     */
    private static int stringEnd(byte[] json, int at) {
        if (!is(json, at, '"')) {
            return -1;
        }
        for (int i = at + 1; i < json.length; i++) {
            byte b = json[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b < 0x20 || b > 0x7e) {
                return -1;
            }
        }
        return -1;
    }

    /** The index just past a string, number or literal starting at {@code at}; -1 for anything else. */
    private static int plainValueEnd(byte[] json, int at) {
        if (at < 0 || at >= json.length) {
            return -1;
        }
        byte first = json[at];
        if (first == '"') {
            int end = stringEnd(json, at);
            return end < 0 ? -1 : end + 1;
        }
        if (first == '-' || isDigit(first)) {
            return numberEnd(json, at);
        }
        for (byte[] literal : LITERALS) {
            if (at + literal.length <= json.length && Arrays.equals(json, at, at + literal.length, literal, 0, literal.length)) {
                return at + literal.length;
            }
        }
        return -1;
    }

    /** Past a JSON number ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}) starting at {@code at}; -1 if it is not one. */
    private static int numberEnd(byte[] json, int at) {
        int i = is(json, at, '-') ? at + 1 : at;
        if (is(json, i, '0')) {
            i++;
        } else {
            int digits = digitsEnd(json, i);
            if (digits == i) {
                return -1;
            }
            i = digits;
        }
        if (is(json, i, '.')) {
            int fraction = digitsEnd(json, i + 1);
            if (fraction == i + 1) {
                return -1;
            }
            i = fraction;
        }
        if (is(json, i, 'e') || is(json, i, 'E')) {
            int sign = is(json, i + 1, '+') || is(json, i + 1, '-') ? i + 2 : i + 1;
            int exponent = digitsEnd(json, sign);
            if (exponent == sign) {
                return -1;
            }
            i = exponent;
        }
        return i;
    }

    private static int digitsEnd(byte[] json, int at) {
        int i = at;
        while (i < json.length && isDigit(json[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** Whether the string whose opening quote is at {@code quote} and closing quote at {@code end} is {@code name}. */
    private static boolean named(byte[] json, int quote, int end, byte[] name) {
        return end - quote - 1 == name.length && Arrays.equals(json, quote + 1, end, name, 0, name.length);
    }

    private static boolean is(byte[] json, int at, char expected) {
        return at >= 0 && at < json.length && json[at] == expected;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
