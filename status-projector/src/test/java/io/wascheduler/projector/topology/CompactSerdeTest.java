package io.wascheduler.projector.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wascheduler.model.lifecycle.MessageStatus;
import io.wascheduler.projector.campaign.CampaignCounters;
import io.wascheduler.projector.campaign.CampaignUpdate;
import io.wascheduler.projector.message.MessageView;
import io.wascheduler.projector.message.WamidLink;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class CompactSerdeTest {

    private static final String TOPIC = "any";
    private static final Instant SENT = Instant.parse("2026-11-22T10:15:30.123456789Z");
    private static final Instant READ = Instant.parse("2026-11-22T10:15:31.5Z");

    private final Serde<MessageView> views = new CompactSerde<>(MessageView.class, StateCodecs.MESSAGE_VIEW);
    private final Serde<CampaignCounters> counters =
        new CompactSerde<>(CampaignCounters.class, StateCodecs.CAMPAIGN_COUNTERS);

    @Test
    void aMessageViewReadsBackAsWrittenWithEveryInstantToTheNanosecond() {
        MessageView view = new MessageView("m1", 3, MessageStatus.READ, "c1", "wamid.1",
            Map.of(MessageStatus.SENT, SENT, MessageStatus.READ, READ), READ);

        assertThat(roundTrip(views, view)).isEqualTo(view);
    }

    @Test
    void aMessageViewWithoutCampaignWamidOrStatusTimesReadsBackWithThemAbsent() {
        MessageView view = new MessageView("m1", 1, MessageStatus.SCHEDULED, null, null, Map.of(), SENT);

        assertThat(roundTrip(views, view)).isEqualTo(view);
    }

    @Test
    void campaignCountersReadBackAsWrittenWithTheirSendRateSeconds() {
        TreeMap<Long, Long> sentPerSecond = new TreeMap<>(Map.of(1_763_806_530L, 12L, 1_763_806_531L, 7L));
        CampaignCounters campaign = new CampaignCounters("c1", "tenant-1",
            Map.of(MessageStatus.SCHEDULED, 80L, MessageStatus.SENT, 19L), 100L, sentPerSecond, READ);

        assertThat(roundTrip(counters, campaign)).isEqualTo(campaign);
        assertThat(roundTrip(counters, CampaignCounters.empty("c2"))).isEqualTo(CampaignCounters.empty("c2"));
    }

    @Test
    void campaignUpdatesAndWamidLinksReadBackAsWritten() {
        Serde<CampaignUpdate> updates = new CompactSerde<>(CampaignUpdate.class, StateCodecs.CAMPAIGN_UPDATE);
        Serde<WamidLink> links = new CompactSerde<>(WamidLink.class, StateCodecs.WAMID_LINK);

        CampaignUpdate moved = CampaignUpdate.moved("tenant-1", MessageStatus.SCHEDULED, MessageStatus.SENT, SENT);
        assertThat(roundTrip(updates, moved)).isEqualTo(moved);
        assertThat(roundTrip(updates, CampaignUpdate.declared("tenant-1", 500))).isEqualTo(
            CampaignUpdate.declared("tenant-1", 500));
        assertThat(roundTrip(links, new WamidLink("m1", 2, null))).isEqualTo(new WamidLink("m1", 2, null));
    }

    @Test
    void aRecordAnEarlierVersionWroteAsJsonIsStillRead() {
        MessageView view = new MessageView("m1", 2, MessageStatus.SENT, "c1", "wamid.1",
            Map.of(MessageStatus.SENT, SENT), SENT);
        byte[] json = new JsonSerde<>(MessageView.class).serializer().serialize(TOPIC, view);

        assertThat(views.deserializer().deserialize(TOPIC, json)).isEqualTo(view);
    }

    @Test
    void bytesInNeitherFormatAreRefused() {
        assertThatThrownBy(() -> views.deserializer().deserialize(TOPIC, new byte[] {42, 1, 2}))
            .isInstanceOf(SerializationException.class);
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, value));
    }
}
