package io.wascheduler.dispatcher.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class TierBatchTest {

    private static final Instant TURN = Instant.parse("2026-11-22T09:00:10Z");

    @Test
    void aBatchReadBackFromItsTierRecordHoldsEveryMemberExactlyAsWritten() {
        LadderRecord withCampaign = new LadderRecord("m-1", bytes("{\"envelope\":1}"), TURN, 2, 3, "sender-1",
            "campaign-1", 4, true, true);
        LadderRecord withoutCampaign = new LadderRecord("m-2", bytes("{\"envelope\":2}"), TURN.plusMillis(2), 1, 1,
            "sender-1", null, 0, false, true);

        ProducerRecord<String, byte[]> written = new TierBatch(List.of(withCampaign, withoutCampaign), 5)
            .toKafka("wa.dispatch.delay.4s");
        TierBatch read = TierBatch.fromKafka(written.value());

        assertThat(TierBatch.isBatch(written.headers())).isTrue();
        assertThat(written.key()).as("partitioned by its first member").isEqualTo("m-1");
        assertThat(read.tierReads()).isEqualTo(5);
        assertThat(read.members()).hasSize(2);
        assertSame(read.members().get(0), withCampaign);
        assertSame(read.members().get(1), withoutCampaign);
    }

    @Test
    void eachMemberKeepsWhetherItWasGivenATurn() {
        LadderRecord slotted = member("m-1", TURN, 0);
        LadderRecord scheduled = new LadderRecord("m-2", bytes("{}"), TURN, 1, 1, "sender-1", "campaign-1", 0, false, false);

        TierBatch read = TierBatch.fromKafka(new TierBatch(List.of(slotted, scheduled), 0).toKafka("wa.dispatch.delay.16s").value());

        assertThat(read.members()).extracting(LadderRecord::slotted).containsExactly(true, false);
    }

    @Test
    void aBatchWrittenBeforeMembersSaidWhetherTheyWereSlottedIsReadWithEveryMemberSlotted() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeInt(2);
            out.writeInt(1);
            out.writeUTF("m-1");
            out.writeLong(TURN.toEpochMilli());
            out.writeInt(1);
            out.writeLong(1);
            out.writeUTF("sender-1");
            out.writeBoolean(false);
            out.writeInt(0);
            out.writeBoolean(false);
            out.writeInt(2);
            out.write(bytes("{}"));
        }

        TierBatch read = TierBatch.fromKafka(bytes.toByteArray());

        assertThat(read.tierReads()).isEqualTo(2);
        assertSame(read.members().getFirst(), member("m-1", TURN, 0));
    }

    @Test
    void aBatchOfOneIsWrittenAsItsMembersOwnRecordCarryingTheBatchsTierReads() {
        LadderRecord only = new LadderRecord("m-1", bytes("{\"envelope\":1}"), TURN, 1, 1, "sender-1", "campaign-1", 2,
            false, false);

        ProducerRecord<String, byte[]> written = new TierBatch(List.of(only), 3).toKafka("wa.dispatch.delay.64s");

        assertThat(TierBatch.isBatch(written.headers())).isFalse();
        assertSame(LadderRecord.fromKafka(written.key(), written.value(), written.headers()), only.readByTiers(3));
    }

    @Test
    void aBatchIsLookedAtAgainAtItsEarliestTurnAndItsMembersCarryItsTierReads() {
        LadderRecord later = member("m-1", TURN.plusMillis(5), 1);
        LadderRecord earlier = member("m-2", TURN, 2);

        TierBatch batch = new TierBatch(List.of(later, earlier), 0).readByTier().readByTier();

        assertThat(batch.dueAt()).isEqualTo(TURN);
        assertThat(batch.unpacked()).extracting(LadderRecord::tierReads).containsExactly(3, 4);
        assertThat(batch.unpacked()).allMatch(LadderRecord::slotted);
    }

    @Test
    void aValueThatIsNotABatchIsRefusedRatherThanReadAsOne() {
        assertThatThrownBy(() -> TierBatch.fromKafka(bytes("{\"not\":\"a batch\"}")))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchesOfOneSenderCloseWhenTheirTurnsWouldSpanMoreThanTheSpanAndEachSenderHasItsOwn() {
        TierBatches batches = new TierBatches(Duration.ofSeconds(1), TierBatch.MAX_BYTES);
        List<TierBatch> complete = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            batches.add(member("a-" + i, TURN.plusMillis(2L * i), 0)).ifPresent(complete::add);
            batches.add(memberOf("sender-2", "b-" + i, TURN.plusMillis(2L * i))).ifPresent(complete::add);
        }

        assertThat(complete).as("each sender's turns from 0 to 1,000 ms and from 1,002 to 2,002 ms").hasSize(4)
            .allSatisfy(batch -> assertThat(batch.members()).hasSize(501));
        assertThat(complete).extracting(batch -> batch.members().getFirst().senderId())
            .containsExactlyInAnyOrder("sender-1", "sender-1", "sender-2", "sender-2");
        List<TierBatch> rest = batches.drain();
        assertThat(rest).as("from 2,004 ms on, still open").hasSize(2)
            .allSatisfy(batch -> assertThat(batch.members()).hasSize(498));
        assertThat(batches.drain()).as("nothing stays open after a drain").isEmpty();
    }

    @Test
    void aBatchClosesBeforeItsValueWouldPassTheSizeLimit() {
        TierBatches batches = new TierBatches(Duration.ofSeconds(1), 1_000);
        List<TierBatch> complete = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batches.add(member("m-" + i, TURN, 0)).ifPresent(complete::add);
        }

        assertThat(complete).isNotEmpty().allSatisfy(batch -> assertThat(batch.members().stream()
            .mapToInt(TierBatch::sizeOf).sum()).isLessThanOrEqualTo(1_000));
    }

    @Test
    void whatWasOpenWhenATransactionWasAbortedIsForgotten() {
        TierBatches batches = new TierBatches(Duration.ofSeconds(1), TierBatch.MAX_BYTES);
        batches.add(member("m-1", TURN, 0));

        batches.clear();

        assertThat(batches.drain()).isEmpty();
    }

    private static void assertSame(LadderRecord read, LadderRecord written) {
        assertThat(read).usingRecursiveComparison().ignoringFields("envelope").isEqualTo(written);
        assertThat(read.envelope()).isEqualTo(written.envelope());
    }

    private static LadderRecord member(String messageId, Instant turn, int tierReads) {
        return new LadderRecord(messageId, bytes("{}"), turn, 1, 1, "sender-1", null, tierReads, false, true);
    }

    private static LadderRecord memberOf(String senderId, String messageId, Instant turn) {
        return new LadderRecord(messageId, bytes("{\"message\":\"" + messageId + "\"}"), turn, 1, 1, senderId, null, 0,
            false, true);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
