package io.wascheduler.sandbox.webhook;

import java.time.Instant;

import io.wascheduler.sandbox.send.MetaError;

/** Test data: accepted messages as the send endpoint hands them to the webhooks. */
final class Messages {

    static final Instant ACCEPTED_AT = Instant.parse("2026-11-22T10:00:00Z");

    private Messages() {
    }

    static AcceptedMessage aText() {
        return new AcceptedMessage("wamid.TEXT", "1001", "5550001", "15550001001", "31612345678", "text",
                "msg-1|1|camp-1", ACCEPTED_AT, null);
    }

    static AcceptedMessage aTemplate() {
        return new AcceptedMessage("wamid.TEMPLATE", "1001", "5550001", "15550001001", "31612345679", "template",
                null, ACCEPTED_AT, null);
    }

    static AcceptedMessage aFailing(MetaError failure) {
        return new AcceptedMessage("wamid.FAILING", "2002", "5550002", "15550002002", "12015551026", "text",
                "msg-2|1|camp-1", ACCEPTED_AT, failure);
    }
}
