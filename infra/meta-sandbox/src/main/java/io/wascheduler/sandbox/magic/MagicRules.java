package io.wascheduler.sandbox.magic;

import java.util.Map;

import io.wascheduler.sandbox.send.MetaError;

/**
 * The magic recipients of META.md: numbers in the +1 201 555 range that make the sandbox fail in the ways Meta
 * does. Behaviour that depends on the attempt is decided per message: the caller counts attempts.
 */
public final class MagicRules {

    public enum Kind {
        /** Accept and report sent, delivered, read. */
        ACCEPT,
        /** Accept, then report {@code failed} with the verdict's error. */
        ACCEPT_THEN_FAIL,
        /** Accept and never send a webhook. */
        ACCEPT_WITHOUT_WEBHOOKS,
        /** Refuse at once with the verdict's error. */
        REJECT,
        /** Give no answer until the client has given up. */
        HOLD
    }

    public record Verdict(Kind kind, MetaError error) {
        static final Verdict ACCEPTED = new Verdict(Kind.ACCEPT, null);
    }

    static final String SERVER_ERROR_RECIPIENT = "+12015550500";
    static final String TIMEOUT_RECIPIENT = "+12015550408";

    private static final Map<String, Verdict> FIXED = Map.of(
            "+12015551026", new Verdict(Kind.ACCEPT_THEN_FAIL, MetaError.MESSAGE_UNDELIVERABLE),
            "+12015551047", new Verdict(Kind.ACCEPT_THEN_FAIL, MetaError.RE_ENGAGEMENT),
            "+12015551048", new Verdict(Kind.ACCEPT_THEN_FAIL, MetaError.SPAM_RATE_LIMIT),
            "+12015551049", new Verdict(Kind.ACCEPT_THEN_FAIL, MetaError.ECOSYSTEM_ENGAGEMENT),
            "+12015551009", new Verdict(Kind.ACCEPT_THEN_FAIL, MetaError.PARAMETER_VALUE_NOT_VALID),
            "+12015550100", new Verdict(Kind.REJECT, MetaError.INVALID_PARAMETER),
            "+12015550190", new Verdict(Kind.REJECT, MetaError.ACCESS_TOKEN),
            "+12015559999", new Verdict(Kind.ACCEPT_WITHOUT_WEBHOOKS, null));

    private final int serverErrorAttempts;
    private final int timeoutAttempts;

    public MagicRules(int serverErrorAttempts, int timeoutAttempts) {
        this.serverErrorAttempts = serverErrorAttempts;
        this.timeoutAttempts = timeoutAttempts;
    }

    /** Whether the answer for this recipient depends on how often the same message was tried. */
    public boolean countsAttempts(String recipientE164) {
        return recipientE164.equals(SERVER_ERROR_RECIPIENT) || recipientE164.equals(TIMEOUT_RECIPIENT);
    }

    /** The verdict for a message's {@code attempt}-th try (1 for the first). */
    public Verdict verdictFor(String recipientE164, int attempt) {
        if (recipientE164.equals(SERVER_ERROR_RECIPIENT) && attempt <= serverErrorAttempts) {
            return new Verdict(Kind.REJECT, MetaError.UNKNOWN_ERROR);
        }
        if (recipientE164.equals(TIMEOUT_RECIPIENT) && attempt <= timeoutAttempts) {
            return new Verdict(Kind.HOLD, MetaError.SERVER_UNAVAILABLE);
        }
        return FIXED.getOrDefault(recipientE164, Verdict.ACCEPTED);
    }
}
