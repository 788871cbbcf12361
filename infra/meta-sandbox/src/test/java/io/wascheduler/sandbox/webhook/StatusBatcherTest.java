package io.wascheduler.sandbox.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.wascheduler.sandbox.config.StatusSettings;
import io.wascheduler.sandbox.webhook.StatusEvent.Kind;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import static io.wascheduler.sandbox.webhook.Messages.ACCEPTED_AT;
import static org.assertj.core.api.Assertions.assertThat;

class StatusBatcherTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final AtomicReference<StatusSettings> settings = new AtomicReference<>(batching(3));
    private final List<List<StatusEvent>> posted = new ArrayList<>();
    private final StatusBatcher batcher = new StatusBatcher(settings::get, posted::add, time);

    private static StatusSettings batching(int size) {
        return new StatusSettings(null, null, null, null, null, null, null, size, Duration.ofMillis(20));
    }

    private static StatusEvent status(Kind kind) {
        return new StatusEvent(Messages.aText(), kind, ACCEPTED_AT);
    }

    @Test
    void aFullBatchLeavesAtOnce() {
        batcher.add(status(Kind.SENT));
        batcher.add(status(Kind.DELIVERED));
        batcher.add(status(Kind.READ));
        assertThat(posted).hasSize(1);
        assertThat(posted.getFirst()).extracting(StatusEvent::kind)
                .containsExactly(Kind.SENT, Kind.DELIVERED, Kind.READ);
    }

    @Test
    void aPartialBatchLeavesAfterTheLinger() {
        batcher.add(status(Kind.SENT));
        batcher.add(status(Kind.DELIVERED));
        time.advanceTimeBy(Duration.ofMillis(19));
        assertThat(posted).isEmpty();
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(posted).hasSize(1);
        assertThat(posted.getFirst()).hasSize(2);
    }

    @Test
    void theLingerOfAFullBatchDoesNotCutTheNextBatchShort() {
        batcher.add(status(Kind.SENT));
        batcher.add(status(Kind.DELIVERED));
        batcher.add(status(Kind.READ));
        time.advanceTimeBy(Duration.ofMillis(10));
        batcher.add(status(Kind.SENT));
        time.advanceTimeBy(Duration.ofMillis(15));
        assertThat(posted).hasSize(1);
        time.advanceTimeBy(Duration.ofMillis(5));
        assertThat(posted).hasSize(2);
    }

    @Test
    void aBatchSizeOfOnePostsEveryStatusAlone() {
        settings.set(batching(1));
        batcher.add(status(Kind.SENT));
        batcher.add(status(Kind.DELIVERED));
        assertThat(posted).hasSize(2);
    }
}
