package io.wascheduler.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.content.TextContent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirstScheduleLayoutTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void everyEventTheEncoderWritesIsDecidedWithoutAParserAsTheParserDecidesIt() {
        for (EventPayload payload : payloads()) {
            byte[] encoded = EventCodec.encode(EventEnvelope.of("tenant-1", payload, CLOCK));

            FirstScheduleLayout.Verdict verdict = FirstScheduleLayout.of(encoded);

            assertThat(verdict).as(payload.toString()).isNotEqualTo(FirstScheduleLayout.Verdict.UNDECIDED);
            assertThat(verdict == FirstScheduleLayout.Verdict.FIRST_SCHEDULE).as(payload.toString())
                .isEqualTo(EventCodec.parsedIsFirstSchedule(encoded));
        }
    }

    @Test
    void aFirstScheduleAndAnEditAreToldApart() {
        assertThat(FirstScheduleLayout.of(encodedSchedule(1))).isEqualTo(FirstScheduleLayout.Verdict.FIRST_SCHEDULE);
        assertThat(FirstScheduleLayout.of(encodedSchedule(2))).isEqualTo(FirstScheduleLayout.Verdict.OTHER);
        assertThat(FirstScheduleLayout.of(encodedSchedule(12))).isEqualTo(FirstScheduleLayout.Verdict.OTHER);
    }

    @Test
    void whateverItDecidesOnOtherLayoutsTheParserDecidesTheSame() {
        List<String> layouts = List.of(
            "{\"payload\":{\"version\":1,\"messageId\":\"m9\"},\"type\":\"MessageScheduled\",\"schemaVersion\":1}",
            "{ \"type\":\"MessageScheduled\",\"payload\":{\"version\":1}}",
            "{\"type\":\"MessageScheduled\",\"payload\":{\"version\":01}}",
            "{\"type\":\"MessageScheduled\",\"payload\":{\"version\":1.0}}",
            "{\"type\":\"MessageScheduled\",\"payload\":{\"version\":-1}}",
            "{\"type\":\"MessageScheduled\",\"payload\":{\"version\":\"1\"}}",
            "{\"type\":\"MessageScheduled\",\"payload\":{\"version\":null,\"version\":1}}",
            "{\"type\":\"MessageScheduled\",\"payload\":{\"messageId\":\"m\\u0031\",\"version\":1}}",
            "{\"type\":\"MessageScheduled\",\"payload\":{\"content\":{\"text\":\"x\"},\"version\":1}}",
            "{\"type\":\"MessageScheduled\",\"payload\":{\"messageId\":\"m1\"}}",
            "{\"type\":\"MessageScheduled\",\"schemaVersion\":1..2,\"payload\":{\"version\":1}}",
            "{\"type\":\"MessageScheduled\",\"schemaVersion\":1e,\"payload\":{\"version\":1}}",
            "{\"type\":\"MessageScheduled\",\"schemaVersion\":-0.5e+3,\"payload\":{\"version\":1}}",
            "{\"type\":\"MessageScheduled\",\"flag\":true,\"other\":null,\"payload\":{\"version\":1}}",
            "{\"type\":\"MessageScheduled\",\"flag\":tru,\"payload\":{\"version\":1}}",
            "{\"type\":\"Message\\u0053cheduled\",\"payload\":{\"version\":1}}",
            "{\"type\":\"Nonsense\",\"type\":\"MessageScheduled\",\"payload\":{\"version\":1}}",
            "{\"type\":\"MessageScheduled\",\"type\":\"MessageCancelled\",\"payload\":{\"version\":1}}",
            "{\"type\":\"MessageCancelled\",\"payload\":{\"version\":1}}",
            "{\"type\":1,\"payload\":{\"version\":1}}",
            "{\"type\":\"MessageScheduled\",\"tenantId\":\"t\u00e9\",\"payload\":{\"version\":1}}",
            "{\"type\":\"MessageScheduled\",\"tenantId\":\"t\u0001\",\"payload\":{\"version\":1}}",
            "{\"type\":\"MessageScheduled\",\"payload\":[1]}",
            "{\"type\":\"MessageScheduled\"}",
            "[]",
            "");
        List<byte[]> inputs = new ArrayList<>(layouts.stream().map(layout -> layout.getBytes(StandardCharsets.UTF_8)).toList());
        for (long version : new long[] {1, 2}) {
            byte[] encoded = encodedSchedule(version);
            for (int length = 0; length <= encoded.length; length++) {
                inputs.add(Arrays.copyOf(encoded, length));
            }
        }

        for (byte[] input : inputs) {
            FirstScheduleLayout.Verdict verdict = FirstScheduleLayout.of(input);
            if (verdict != FirstScheduleLayout.Verdict.UNDECIDED) {
                assertThat(verdict == FirstScheduleLayout.Verdict.FIRST_SCHEDULE).as(new String(input, StandardCharsets.UTF_8))
                    .isEqualTo(EventCodec.parsedIsFirstSchedule(input));
            }
            assertThat(EventCodec.isFirstSchedule(input)).as(new String(input, StandardCharsets.UTF_8))
                .isEqualTo(EventCodec.parsedIsFirstSchedule(input));
        }
    }

    private static List<EventPayload> payloads() {
        List<EventPayload> payloads = new ArrayList<>(EventCodecTest.everyPayloadKind());
        payloads.add(new MessageScheduled("m1", 0, null, "1550001", "+14155550123", new TextContent("Hi", false), AT, 1, Map.of()));
        payloads.add(new MessageScheduled("m1", 3, "c\"1", "1550001", "+14155550123", new TextContent("Hi", false), AT, 1, Map.of()));
        return payloads;
    }

    private static byte[] encodedSchedule(long version) {
        return EventCodec.encode(EventEnvelope.of("tenant-1", new MessageScheduled("m1", version, "c1", "1550001",
            "+14155550123", new TextContent("Hello", false), AT, 4, Map.of()), CLOCK));
    }
}
