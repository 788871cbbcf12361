package io.wascheduler.sandbox.magic;

import io.wascheduler.sandbox.magic.MagicRules.Kind;
import io.wascheduler.sandbox.magic.MagicRules.Verdict;
import io.wascheduler.sandbox.send.MetaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MagicRulesTest {

    private final MagicRules rules = new MagicRules(2, 1);

    @ParameterizedTest
    @CsvSource({"+12015551026, 131026", "+12015551047, 131047", "+12015551048, 131048", "+12015551049, 131049",
            "+12015551009, 131009"})
    void failureRecipientsAreAcceptedThenFailWithThirteenAndTheirDigits(String recipient, int code) {
        Verdict verdict = rules.verdictFor(recipient, 1);
        assertThat(verdict.kind()).isEqualTo(Kind.ACCEPT_THEN_FAIL);
        assertThat(verdict.error().code()).isEqualTo(code);
    }

    @Test
    void theInvalidParameterRecipientIsRejectedAtOnceEveryTime() {
        assertThat(rules.verdictFor("+12015550100", 1)).isEqualTo(new Verdict(Kind.REJECT, MetaError.INVALID_PARAMETER));
        assertThat(rules.verdictFor("+12015550100", 5)).isEqualTo(new Verdict(Kind.REJECT, MetaError.INVALID_PARAMETER));
    }

    @Test
    void theExpiredTokenRecipientIsRejectedWith190() {
        assertThat(rules.verdictFor("+12015550190", 1).error().code()).isEqualTo(190);
    }

    @Test
    void theServerErrorRecipientFailsTheFirstTwoAttemptsThenIsAccepted() {
        assertThat(rules.verdictFor("+12015550500", 1)).isEqualTo(new Verdict(Kind.REJECT, MetaError.UNKNOWN_ERROR));
        assertThat(rules.verdictFor("+12015550500", 2)).isEqualTo(new Verdict(Kind.REJECT, MetaError.UNKNOWN_ERROR));
        assertThat(rules.verdictFor("+12015550500", 3).kind()).isEqualTo(Kind.ACCEPT);
    }

    @Test
    void theTimeoutRecipientIsHeldOnceThenAccepted() {
        assertThat(rules.verdictFor("+12015550408", 1).kind()).isEqualTo(Kind.HOLD);
        assertThat(rules.verdictFor("+12015550408", 2).kind()).isEqualTo(Kind.ACCEPT);
    }

    @Test
    void theSilentRecipientIsAcceptedWithoutWebhooks() {
        assertThat(rules.verdictFor("+12015559999", 1).kind()).isEqualTo(Kind.ACCEPT_WITHOUT_WEBHOOKS);
    }

    @Test
    void everyOtherNumberIsAccepted() {
        assertThat(rules.verdictFor("+31612345678", 1).kind()).isEqualTo(Kind.ACCEPT);
        assertThat(rules.verdictFor("+12015550101", 1).kind()).isEqualTo(Kind.ACCEPT);
    }

    @Test
    void onlyAttemptDependentRecipientsAreCounted() {
        assertThat(rules.countsAttempts("+12015550500")).isTrue();
        assertThat(rules.countsAttempts("+12015550408")).isTrue();
        assertThat(rules.countsAttempts("+12015551026")).isFalse();
        assertThat(rules.countsAttempts("+31612345678")).isFalse();
    }

    @Test
    void attemptCountsArePerMessageAndStartAgainOnceForgotten() {
        MagicAttempts attempts = new MagicAttempts();
        assertThat(attempts.recordAttempt("a")).isEqualTo(1);
        assertThat(attempts.recordAttempt("a")).isEqualTo(2);
        assertThat(attempts.recordAttempt("b")).isEqualTo(1);
        attempts.forget("a");
        assertThat(attempts.recordAttempt("a")).isEqualTo(1);
    }
}
