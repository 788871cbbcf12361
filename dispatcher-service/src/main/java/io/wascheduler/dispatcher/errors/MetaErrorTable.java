package io.wascheduler.dispatcher.errors;

import java.util.Map;

/**
 * The one table deciding what a Cloud API error means, by Meta's {@code error.code} and never by the HTTP
 * status (Meta answers 400 for both permanent and transient errors). Source: META.md "Error classes".
 * <pre>
 * code                                          class
 * 130429 rate limit hit                          THROTTLED
 * 131056 pair rate limit hit                     PAIR_RATE
 * 131000, 131016, 133004, 131057, transport      RETRY
 * 131049 re-engagement / ecosystem limit         RETRY_AFTER_RE_ENGAGEMENT
 * 131048 spam rate limit, 368 policy block       PAUSE_SENDER
 * 190, 0, 10, 200-299 token or permission        SENDER_CREDENTIALS
 * 100, 131008, 131009, 131026, 131047, 131051,
 * 132000, 132001, 132012                         PERMANENT
 * any other code                                 RETRY (bounded by maxAttempts, so an unknown code
 *                                                 costs a few attempts, never a lost message)
 * </pre>
 */
public final class MetaErrorTable {

    /** Our own code for a request that got no Meta error at all: timeout, connection failure, unreadable body. */
    public static final int TRANSPORT_FAILURE = -1;
    /** Our own code for a send that could not start because the sender's access token was unavailable. */
    public static final int CREDENTIALS_UNAVAILABLE = -2;
    /** Our own code for a request that went out and got no answer in time: Meta may or may not have taken it. */
    public static final int ANSWER_LOST = -3;

    private static final Map<Integer, ErrorClass> BY_CODE = Map.ofEntries(
        Map.entry(130429, ErrorClass.THROTTLED),
        Map.entry(131056, ErrorClass.PAIR_RATE),
        Map.entry(131000, ErrorClass.RETRY),
        Map.entry(131016, ErrorClass.RETRY),
        Map.entry(133004, ErrorClass.RETRY),
        Map.entry(131057, ErrorClass.RETRY),
        Map.entry(TRANSPORT_FAILURE, ErrorClass.RETRY),
        Map.entry(CREDENTIALS_UNAVAILABLE, ErrorClass.RETRY),
        Map.entry(ANSWER_LOST, ErrorClass.UNCONFIRMED),
        Map.entry(131049, ErrorClass.RETRY_AFTER_RE_ENGAGEMENT),
        Map.entry(131048, ErrorClass.PAUSE_SENDER),
        Map.entry(368, ErrorClass.PAUSE_SENDER),
        Map.entry(190, ErrorClass.SENDER_CREDENTIALS),
        Map.entry(0, ErrorClass.SENDER_CREDENTIALS),
        Map.entry(10, ErrorClass.SENDER_CREDENTIALS),
        Map.entry(100, ErrorClass.PERMANENT),
        Map.entry(131008, ErrorClass.PERMANENT),
        Map.entry(131009, ErrorClass.PERMANENT),
        Map.entry(131026, ErrorClass.PERMANENT),
        Map.entry(131047, ErrorClass.PERMANENT),
        Map.entry(131051, ErrorClass.PERMANENT),
        Map.entry(132000, ErrorClass.PERMANENT),
        Map.entry(132001, ErrorClass.PERMANENT),
        Map.entry(132012, ErrorClass.PERMANENT));

    private MetaErrorTable() {
    }

    public static ErrorClass classify(int code) {
        if (code >= 200 && code <= 299) {
            return ErrorClass.SENDER_CREDENTIALS;
        }
        return BY_CODE.getOrDefault(code, ErrorClass.RETRY);
    }
}
