package io.wascheduler.dispatcher.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.dispatcher.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PairRateTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final Duration SIX_SECONDS = Duration.ofSeconds(6);
    private final SettableClock clock = new SettableClock(NOW);
    private final PairRate pairRate = new PairRate(SIX_SECONDS, clock);

    @Test
    void aRecipientWaitsSixSecondsBetweenMessages() {
        pairRate.sent("+14155550123");

        assertThat(pairRate.blockedUntil("+14155550123")).contains(NOW.plus(SIX_SECONDS));
        clock.advance(SIX_SECONDS);
        assertThat(pairRate.blockedUntil("+14155550123")).isEmpty();
    }

    @Test
    void otherRecipientsAreNotHeldBack() {
        pairRate.sent("+14155550123");

        assertThat(pairRate.blockedUntil("+14155550124")).isEmpty();
    }

    @Test
    void aRefusedSendDoesNotCountAgainstThePairRate() {
        pairRate.sent("+14155550123");
        pairRate.refused("+14155550123", NOW);

        assertThat(pairRate.blockedUntil("+14155550123")).isEmpty();
    }

    @Test
    void aPairRateErrorHoldsTheRecipientAWholeIntervalFromNow() {
        pairRate.sent("+14155550123");
        clock.advance(Duration.ofSeconds(2));
        pairRate.hit("+14155550123");

        assertThat(pairRate.blockedUntil("+14155550123")).contains(clock.instant().plus(SIX_SECONDS));
    }

    @Test
    void recipientsAreForgottenOnceTheirIntervalIsOver() {
        for (int i = 0; i < 100; i++) {
            pairRate.sent("+1415555" + String.format("%04d", i));
        }
        clock.advance(SIX_SECONDS.plusMillis(1));
        pairRate.sent("+14155559999");

        assertThat(pairRate.remembered()).isEqualTo(1);
    }
}
