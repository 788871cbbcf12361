package io.wascheduler.dispatcher.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.dispatcher.command.CommandFields;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageScheduled;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LadderRecordTest {

    private static final Instant SEND_AT = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void theFirstAttemptIsDueAtSendAtAndKeepsTheEnvelopeBytesUnchanged() {
        byte[] encoded = EventCodec.encode(envelope("campaign-7"));
        LadderRecord record = LadderRecord.firstAttempt(CommandFields.read(encoded), encoded);

        assertThat(record.dueAt()).isEqualTo(SEND_AT);
        assertThat(record.attempt()).isEqualTo(1);
        assertThat(record.version()).isEqualTo(3);
        assertThat(record.senderId()).isEqualTo("sender-1");
        assertThat(record.campaignId()).isEqualTo("campaign-7");
        assertThat(record.envelope()).isSameAs(encoded);
    }

    @Test
    void anAttemptAfterALostAnswerSaysSoThroughTheLadderAndItsDelays() {
        byte[] encoded = EventCodec.encode(envelope(null));
        LadderRecord record = LadderRecord.firstAttempt(CommandFields.read(encoded), encoded)
            .nextAttemptAfterLostAnswer(2, SEND_AT.plusSeconds(30)).delayedTo(SEND_AT.plusSeconds(40));

        LadderRecord read = LadderRecord.fromKafka("m-1", record.envelope(), record.headers());

        assertThat(read.afterLostAnswer()).isTrue();
        assertThat(read.nextAttempt(3, SEND_AT.plusSeconds(60)).afterLostAnswer()).isFalse();
    }

    @Test
    void whatTheLadderNeedsTravelsInHeadersAndReadsBackTheSame() {
        byte[] encoded = EventCodec.encode(envelope(null));
        LadderRecord record = LadderRecord.firstAttempt(CommandFields.read(encoded), encoded)
            .nextAttempt(2, SEND_AT.plusSeconds(30));

        LadderRecord read = LadderRecord.fromKafka("m-1", record.envelope(), record.headers());

        assertThat(read.dueAt()).isEqualTo(SEND_AT.plusSeconds(30));
        assertThat(read.attempt()).isEqualTo(2);
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.senderId()).isEqualTo("sender-1");
        assertThat(read.campaignId()).isNull();
    }

    @Test
    void aReleasedRecordIsRoutedByItsHeadersAloneThoughTheReadyTopicIsKeyedBySender() {
        byte[] encoded = EventCodec.encode(envelope("campaign-7"));
        LadderRecord record = LadderRecord.firstAttempt(CommandFields.read(encoded), encoded);

        LadderRecord read = LadderRecord.fromRelease(record.envelope(), record.releaseHeaders()).orElseThrow();

        assertThat(read.messageId()).isEqualTo(record.messageId());
        assertThat(read.senderId()).isEqualTo("sender-1");
        assertThat(read.dueAt()).isEqualTo(SEND_AT);
        assertThat(LadderRecord.fromRelease(record.envelope(), record.headers()))
            .as("released by a version that did not name the message in a header").isEmpty();
    }

    @Test
    void theTierReadsOfARecordTravelWithItAndStartAgainOnANewTripThroughTheLadder() {
        byte[] encoded = EventCodec.encode(envelope(null));
        LadderRecord readTwice = LadderRecord.firstAttempt(CommandFields.read(encoded), encoded).readByTier().readByTier();

        LadderRecord read = LadderRecord.fromKafka("m-1", readTwice.envelope(), readTwice.headers());

        assertThat(read.tierReads()).isEqualTo(2);
        assertThat(read.delayedTo(SEND_AT.plusSeconds(6)).tierReads()).isZero();
        assertThat(read.nextAttempt(2, SEND_AT.plusSeconds(30)).tierReads()).isZero();
    }

    @Test
    void aDelayedRecordKeepsItsAttempt() {
        byte[] encoded = EventCodec.encode(envelope(null));
        LadderRecord delayed = LadderRecord.firstAttempt(CommandFields.read(encoded), encoded)
            .delayedTo(SEND_AT.plusSeconds(6));

        assertThat(delayed.attempt()).isEqualTo(1);
        assertThat(delayed.dueAt()).isEqualTo(SEND_AT.plusSeconds(6));
    }

    private static EventEnvelope envelope(String campaignId) {
        return EventEnvelope.of("tenant-1", new MessageScheduled("m-1", 3, campaignId, "sender-1", "+14155550123",
            new TextContent("Hello", false), SEND_AT, 4, Map.of()), Clock.systemUTC());
    }
}
