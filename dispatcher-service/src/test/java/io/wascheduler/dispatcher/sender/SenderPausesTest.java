package io.wascheduler.dispatcher.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SenderPausesTest {

    private static final String SENDER = "109876543210";
    private static final Instant T = Instant.parse("2026-11-22T09:00:00Z");
    private final SenderPauses pauses = new SenderPauses();

    @Test
    void aSenderNeverPausedIsNotPaused() {
        pauses.configured(SENDER, T);

        assertThat(pauses.pausedNow(SENDER)).isFalse();
        assertThat(pauses.liftedButNotReported(SENDER)).isFalse();
    }

    @Test
    void aPauseAfterTheLatestConfigurationHolds() {
        pauses.configured(SENDER, T);
        pauses.paused(SENDER, T.plusSeconds(5));

        assertThat(pauses.pausedNow(SENDER)).isTrue();
        assertThat(pauses.liftedButNotReported(SENDER)).isFalse();
    }

    @Test
    void aConfigurationAfterThePauseLiftsItUntilTheResumeIsReported() {
        pauses.paused(SENDER, T);
        pauses.configured(SENDER, T.plusSeconds(5));

        assertThat(pauses.pausedNow(SENDER)).isFalse();
        assertThat(pauses.liftedButNotReported(SENDER)).isTrue();
        pauses.resumed(SENDER);
        assertThat(pauses.liftedButNotReported(SENDER)).isFalse();
    }

    @Test
    void anOlderConfigurationReadLateDoesNotLiftANewerPause() {
        pauses.configured(SENDER, T.plusSeconds(1));
        pauses.paused(SENDER, T.plusSeconds(5));
        pauses.configured(SENDER, T);

        assertThat(pauses.pausedNow(SENDER)).isTrue();
    }
}
