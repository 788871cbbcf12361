package io.wascheduler.sandbox.send;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"+12015550100", "12015550100", "+1 201-555-0100", "1 (201) 555 0100", " +1.201.555.0100 "})
    void numbersAreAcceptedWithOrWithoutPlusAndSeparators(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).contains("+12015550100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "+0123456789", "12345", "+1234567890123456", "++12015550100"})
    void whatCannotBeAPhoneNumberIsRefused(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).isEmpty();
    }
}
