package io.wascheduler.sandbox.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * One number's injected failures: {@code errorRate} of its sends are answered with {@code errorCode} (one of
 * the Cloud API codes the sandbox knows, 131000 by default) and {@code timeoutRate} of them get no answer for
 * {@code sandbox.magic.timeout-hold}. Both are drawn per send, before the throughput and pair-rate checks, so
 * an injected failure uses up no budget. {@code lostAnswerRate} of the sends that are accepted (ledger, webhooks)
 * get their answer only after the timeout hold: Meta took the message but the sender never heard so, the one
 * case a sender cannot tell from "not received".
 */
public record NumberFaults(@DecimalMin("0") @DecimalMax("1") Double errorRate, @KnownErrorCode Integer errorCode,
        @DecimalMin("0") @DecimalMax("1") Double timeoutRate, @DecimalMin("0") @DecimalMax("1") Double lostAnswerRate) {

    public static final int DEFAULT_ERROR_CODE = 131000;
    static final NumberFaults NONE = new NumberFaults(null, null, null, null);

    public NumberFaults {
        errorRate = errorRate == null ? 0.0 : errorRate;
        errorCode = errorCode == null ? DEFAULT_ERROR_CODE : errorCode;
        timeoutRate = timeoutRate == null ? 0.0 : timeoutRate;
        lostAnswerRate = lostAnswerRate == null ? 0.0 : lostAnswerRate;
    }
}
