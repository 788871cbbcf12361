package io.wascheduler.sandbox.send;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.wascheduler.sandbox.ledger.SendStats;

/** Builds Meta's error answers for the send endpoint and counts each in the stats of the number it was for. */
final class Refusals {

    private static final DateTimeFormatter GRAPH_DATE = DateTimeFormatter
            .ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US);
    /** Graph's subcode for "session has expired". */
    private static final int EXPIRED_SESSION_SUBCODE = 463;

    private final SendStats stats;
    private final Clock clock;
    private final MessageIds ids;

    Refusals(SendStats stats, Clock clock, MessageIds ids) {
        this.stats = stats;
        this.clock = clock;
        this.ids = ids;
    }

    SendReply error(String phoneNumberId, MetaError error) {
        return error(phoneNumberId, error, error.details());
    }

    SendReply error(String phoneNumberId, MetaError error, String details) {
        return counted(phoneNumberId, error, ErrorBody.of(error, details, ids.newFbtraceId()), Duration.ZERO);
    }

    /** An error answered only after {@code hold}: by then the client has given up waiting. */
    SendReply heldError(String phoneNumberId, MetaError error, Duration hold) {
        return counted(phoneNumberId, error, ErrorBody.of(error, error.details(), ids.newFbtraceId()), hold);
    }

    /** A failure injected for the number: Meta's answer for {@code error}, as if it had happened. */
    SendReply injected(String phoneNumberId, MetaError error) {
        return error == MetaError.ACCESS_TOKEN ? expiredToken(phoneNumberId) : error(phoneNumberId, error);
    }

    SendReply unusableToken(String phoneNumberId) {
        return counted(phoneNumberId, MetaError.ACCESS_TOKEN,
                ErrorBody.accessToken(MetaError.ACCESS_TOKEN.details(), null, ids.newFbtraceId()), Duration.ZERO);
    }

    SendReply expiredToken(String phoneNumberId) {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
        String message = "Error validating access token: Session has expired on "
                + GRAPH_DATE.format(now.minusHours(1)) + ". The current time is " + GRAPH_DATE.format(now) + ".";
        return counted(phoneNumberId, MetaError.ACCESS_TOKEN,
                ErrorBody.accessToken(message, EXPIRED_SESSION_SUBCODE, ids.newFbtraceId()), Duration.ZERO);
    }

    SendReply unknownNumber(String phoneNumberId) {
        return counted(phoneNumberId, MetaError.INVALID_PARAMETER,
                ErrorBody.unknownObject(phoneNumberId, ids.newFbtraceId()), Duration.ZERO);
    }

    private SendReply counted(String phoneNumberId, MetaError error, ErrorBody body, Duration hold) {
        stats.refused(phoneNumberId, error.code());
        return new SendReply(error.httpStatus(), body, hold);
    }
}
