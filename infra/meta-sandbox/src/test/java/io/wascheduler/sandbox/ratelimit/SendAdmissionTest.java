package io.wascheduler.sandbox.ratelimit;

import java.time.Duration;
import java.time.Instant;

import io.wascheduler.sandbox.ratelimit.SendAdmission.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SendAdmissionTest {

    private static final String NUMBER = "1001";
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final SendAdmission admission = new SendAdmission(clock, Duration.ofSeconds(6), 3);

    @Test
    void aNumberSendsUpToItsThroughputAtOnceAndIsRefusedBeyond() {
        for (int i = 0; i < 80; i++) {
            assertThat(admission.admit(NUMBER, "+3161234" + (1000 + i), 80)).isEqualTo(Verdict.ADMITTED);
        }
        assertThat(admission.admit(NUMBER, "+31612349999", 80)).isEqualTo(Verdict.THROUGHPUT_EXCEEDED);
    }

    @Test
    void throughputRefillsAtTheNumbersRate() {
        for (int i = 0; i < 10; i++) {
            admission.admit(NUMBER, "+3161234" + (1000 + i), 10);
        }
        assertThat(admission.admit(NUMBER, "+31612340001", 10)).isEqualTo(Verdict.THROUGHPUT_EXCEEDED);
        clock.advance(Duration.ofMillis(100));
        assertThat(admission.admit(NUMBER, "+31612340001", 10)).isEqualTo(Verdict.ADMITTED);
        assertThat(admission.admit(NUMBER, "+31612340002", 10)).isEqualTo(Verdict.THROUGHPUT_EXCEEDED);
    }

    @Test
    void eachNumberHasItsOwnThroughput() {
        admission.admit(NUMBER, "+31612340001", 1);
        assertThat(admission.admit(NUMBER, "+31612340002", 1)).isEqualTo(Verdict.THROUGHPUT_EXCEEDED);
        assertThat(admission.admit("2002", "+31612340002", 1)).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void aBurstToOneRecipientIsToleratedThenRefusedByThePairRate() {
        for (int i = 0; i < 3; i++) {
            assertThat(admission.admit(NUMBER, "+31612345678", 80)).isEqualTo(Verdict.ADMITTED);
        }
        assertThat(admission.admit(NUMBER, "+31612345678", 80)).isEqualTo(Verdict.PAIR_RATE_EXCEEDED);
        assertThat(admission.admit(NUMBER, "+31699999999", 80)).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void theBurstIsBorrowedFromLaterSoThePairWaitsOneIntervalPerMessage() {
        for (int i = 0; i < 3; i++) {
            admission.admit(NUMBER, "+31612345678", 80);
        }
        clock.advance(Duration.ofSeconds(5));
        assertThat(admission.admit(NUMBER, "+31612345678", 80)).isEqualTo(Verdict.PAIR_RATE_EXCEEDED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(admission.admit(NUMBER, "+31612345678", 80)).isEqualTo(Verdict.ADMITTED);
        assertThat(admission.admit(NUMBER, "+31612345678", 80)).isEqualTo(Verdict.PAIR_RATE_EXCEEDED);
    }

    @Test
    void aSendRefusedForThroughputDoesNotCountAgainstThePairRate() {
        SendAdmission oneBurst = new SendAdmission(clock, Duration.ofSeconds(6), 1);
        oneBurst.admit(NUMBER, "+31600000001", 1);
        assertThat(oneBurst.admit(NUMBER, "+31612345678", 1)).isEqualTo(Verdict.THROUGHPUT_EXCEEDED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(oneBurst.admit(NUMBER, "+31612345678", 1)).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void aRefusedSendDoesNotDelayTheNextAllowedOne() {
        SendAdmission oneBurst = new SendAdmission(clock, Duration.ofSeconds(6), 1);
        oneBurst.admit(NUMBER, "+31612345678", 80);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(oneBurst.admit(NUMBER, "+31612345678", 80)).isEqualTo(Verdict.PAIR_RATE_EXCEEDED);
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(oneBurst.admit(NUMBER, "+31612345678", 80)).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void idlePairsAreForgottenOnceTheirBurstHasRefilled() {
        admission.admit(NUMBER, "+31612345678", 80);
        admission.admit(NUMBER, "+31687654321", 80);
        admission.admit(NUMBER, "+31687654321", 80);
        clock.advance(Duration.ofSeconds(6));
        admission.forgetIdle();
        assertThat(admission.trackedPairs()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(6));
        admission.forgetIdle();
        assertThat(admission.trackedPairs()).isZero();
    }
}
