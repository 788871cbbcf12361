package io.wascheduler.dispatcher.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetaErrorTableTest {

    @ParameterizedTest(name = "Meta error {0} is {1}")
    @CsvSource({
        "130429, THROTTLED",
        "131056, PAIR_RATE",
        "131000, RETRY",
        "131016, RETRY",
        "133004, RETRY",
        "-1, RETRY",
        "-3, UNCONFIRMED",
        "131049, RETRY_AFTER_RE_ENGAGEMENT",
        "131048, PAUSE_SENDER",
        "368, PAUSE_SENDER",
        "190, SENDER_CREDENTIALS",
        "0, SENDER_CREDENTIALS",
        "10, SENDER_CREDENTIALS",
        "200, SENDER_CREDENTIALS",
        "299, SENDER_CREDENTIALS",
        "100, PERMANENT",
        "131008, PERMANENT",
        "131009, PERMANENT",
        "131026, PERMANENT",
        "131047, PERMANENT",
        "131051, PERMANENT",
        "132000, PERMANENT",
        "132001, PERMANENT",
        "132012, PERMANENT",
        "999999, RETRY"
    })
    void everyErrorCodeHasOneMeaning(int code, ErrorClass expected) {
        assertThat(MetaErrorTable.classify(code)).isEqualTo(expected);
    }
}
