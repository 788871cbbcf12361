package io.wascheduler.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void countsByStatusFormAFunnelWhoseTotalAddsUp() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        Progress progress = Progress.fromCounts(Map.of(MessageStatus.SCHEDULED, 3L, MessageStatus.SENDING, 1L,
            MessageStatus.SENT, 2L, MessageStatus.DELIVERED, 3L, MessageStatus.READ, 4L, MessageStatus.FAILED, 5L,
            MessageStatus.CANCELLED, 2L), now);
        assertThat(progress).isEqualTo(new Progress(20, 3, 1, 9, 7, 4, 5, 2, 80.0, null, null, now, "postgres"));
        assertThat(progress.total())
            .isEqualTo(progress.pending() + progress.sending() + progress.sent() + progress.failed() + progress.cancelled());
    }

    @Test
    void anEmptyCampaignIsZeroPercentComplete() {
        assertThat(Progress.fromCounts(Map.of(), Instant.EPOCH).percentComplete()).isZero();
    }
}
