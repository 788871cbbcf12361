package io.wascheduler.dispatcher.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.dispatcher.KafkaClients;
import io.wascheduler.model.topic.Topics;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageTest {

    @Test
    void smallTiersFetchWithTheShortestWaitSoTheirRecordsAreLookedAtJustBeforeTheirHoldEnds() {
        assertThat(tier(Duration.ofSeconds(1)).fetchWait()).isEqualTo(KafkaClients.RESUMING_FETCH_WAIT);
        assertThat(tier(Duration.ofSeconds(4)).fetchWait()).isEqualTo(Duration.ofMillis(125));
    }

    @Test
    void largeTiersWaitLongerButNeverMoreThanAThirtySecondOfTheirSpan() {
        assertThat(tier(Duration.ofSeconds(16)).fetchWait()).isEqualTo(KafkaClients.STEADY_FETCH_WAIT);
        assertThat(tier(Duration.ofDays(48)).fetchWait()).isEqualTo(KafkaClients.STEADY_FETCH_WAIT);
        for (Duration span : Topics.DEFAULT_DELAY_LADDER) {
            Duration wait = tier(span).fetchWait();
            assertThat(wait.multipliedBy(32).compareTo(span) <= 0 || wait.equals(KafkaClients.RESUMING_FETCH_WAIT))
                .as("%s tier waits %s", span, wait).isTrue();
        }
    }

    @Test
    void theIntakeHasNoResumeToWaitForAndWaitsLongest() {
        Stage intake = new Stage("intake", Topics.MESSAGE_COMMANDS.name(), Duration.ZERO, record -> Optional.empty());
        assertThat(intake.fetchWait()).isEqualTo(KafkaClients.STEADY_FETCH_WAIT);
    }

    private static Stage tier(Duration span) {
        return new Stage("tier-" + span.toSeconds() + "s", Topics.delayTier(span).name(), span, record -> Optional.empty());
    }
}
