package io.wascheduler.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class OutboxRowTest {

    @Test
    void aPageRowIsPublishedAsItsEventsInStoredOrderEachUnderItsOwnKey() {
        OutboxRow page = new OutboxRow(7, "wa.message.commands", "m1\nm2\nm3", "{\"a\":1}\n{\"b\":\"x\\ny\"}\n{\"c\":3}", 3);

        assertThat(page.records()).extracting(ProducerRecord::key).containsExactly("m1", "m2", "m3");
        assertThat(page.records()).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
            .containsExactly("{\"a\":1}", "{\"b\":\"x\\ny\"}", "{\"c\":3}");
        assertThat(page.records()).extracting(ProducerRecord::topic).containsOnly("wa.message.commands");
    }

    @Test
    void aSingleEventRowIsPublishedAsStored() {
        OutboxRow single = new OutboxRow(8, "wa.sender.config", "5550001", "{\"x\":1}", 1);

        assertThat(single.records()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("5550001");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}");
        });
    }

    @Test
    void aPageRowWhoseEventsDoNotMatchItsCountIsRefusedRatherThanHalfPublished() {
        OutboxRow torn = new OutboxRow(9, "wa.message.commands", "m1\nm2", "{\"a\":1}", 2);

        assertThatThrownBy(torn::records).isInstanceOf(IllegalStateException.class).hasMessageContaining("row 9");
    }
}
