package io.wascheduler.dispatcher.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetBookTest {

    private static final TopicPartition P0 = new TopicPartition("wa.dispatch.ready", 0);
    private final OffsetBook book = new OffsetBook();

    @Test
    void theCommittedOffsetNeverPassesARecordStillBeingWorkedOn() {
        book.opened(P0, 10);
        book.opened(P0, 11);
        book.opened(P0, 12);
        book.finished(P0, 11);
        book.finished(P0, 12);

        assertThat(book.takeCommittable()).containsEntry(P0, new OffsetAndMetadata(10));
        book.finished(P0, 10);
        assertThat(book.takeCommittable()).containsEntry(P0, new OffsetAndMetadata(13));
    }

    @Test
    void anOffsetAlreadyCommittedIsNotCommittedAgain() {
        book.opened(P0, 5);
        book.finished(P0, 5);
        book.takeCommittable();

        assertThat(book.takeCommittable()).isEmpty();
    }

    @Test
    void forgottenPartitionsAreNotCommitted() {
        book.opened(P0, 5);
        book.forget(List.of(P0));

        assertThat(book.takeCommittable()).isEmpty();
    }
}
