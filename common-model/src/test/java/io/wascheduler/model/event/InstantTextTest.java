package io.wascheduler.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void everyInstantReadsBackAsInstantParseReadsIt() {
        SplittableRandom random = new SplittableRandom(11);
        long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2399-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), nanosOfSomePrecision(random));
            String text = instant.toString();

            assertThat(InstantText.parse(text)).as(text).isEqualTo(Instant.parse(text)).isEqualTo(instant);
        }
    }

    @Test
    void textInAnyOtherFormIsReadOrRefusedAsInstantParseDoes() {
        List<String> texts = List.of("2026-12-01T09:00:00Z", "2026-12-01T09:00:00.5Z", "2026-12-01T09:00:00.123456789Z",
            "2024-02-29T23:59:59Z", "2026-12-01T09:00:00+02:00", "2026-12-01T23:59:60Z", "0000-01-01T00:00:00Z",
            "2026-12-01T24:00:00Z", "2026-12-01T09:00:00.Z");
        for (String text : texts) {
            assertThat(InstantText.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        List<String> refused = List.of("2025-02-29T00:00:00Z", "2026-13-01T09:00:00Z",
            "2026-12-01T09:60:00Z", "2026-12-01T09:00:00.1234567890Z", "2026-12-01 09:00:00Z",
            "2026-12-0xT09:00:00Z", "2026-12-01T09:00:00", "");
        for (String text : refused) {
            assertThatThrownBy(() -> InstantText.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> Instant.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }

    private static int nanosOfSomePrecision(SplittableRandom random) {
        int nanos = random.nextInt(1_000_000_000);
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> nanos / 1_000_000 * 1_000_000;
            case 2 -> nanos / 1_000 * 1_000;
            default -> nanos;
        };
    }
}
