package io.wascheduler.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Test
    void agreesWithTheFullParserOnEveryCountrysExampleNumbersAndTheirNearMisses() {
        Set<String> candidates = new LinkedHashSet<>();
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    candidates.addAll(nearMisses(UTIL.format(example, PhoneNumberFormat.E164)));
                }
            }
        }
        for (int countryCode : UTIL.getSupportedGlobalNetworkCallingCodes()) {
            PhoneNumber example = UTIL.getExampleNumberForNonGeoEntity(countryCode);
            if (example != null) {
                candidates.addAll(nearMisses(UTIL.format(example, PhoneNumberFormat.E164)));
            }
        }

        List<String> disagreements = candidates.stream()
            .filter(number -> PhoneNumbers.isValidE164(number) != byTheFullParser(number)).toList();

        assertThat(candidates).hasSizeGreaterThan(5_000);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void acceptsOnlyAPlusFollowedByDigits() {
        assertThat(PhoneNumbers.isValidE164("+14155550123")).isTrue();
        assertThat(PhoneNumbers.isValidE164("+390612345678")).as("Italian fixed line, leading zero").isTrue();
        assertThat(PhoneNumbers.isValidE164("14155550123")).isFalse();
        assertThat(PhoneNumbers.isValidE164("+1 415 555 0123")).isFalse();
        assertThat(PhoneNumbers.isValidE164("+1415555012x")).isFalse();
        assertThat(PhoneNumbers.isValidE164("+")).isFalse();
        assertThat(PhoneNumbers.isValidE164(null)).isFalse();
        assertThat(PhoneNumbers.isValidE164("+1415555012345678")).isFalse();
        assertThat(PhoneNumbers.isValidE164("+4980012345678907")).as("16 digits, as German toll-free numbers may have").isTrue();
        assertThat(PhoneNumbers.isValidE164("+49800123456789012345")).isFalse();
    }

    /** The number, and the same with its last digit changed, one digit more or less, and a 0 after the country code. */
    private static List<String> nearMisses(String number) {
        List<String> numbers = new ArrayList<>();
        numbers.add(number);
        char last = number.charAt(number.length() - 1);
        numbers.add(number.substring(0, number.length() - 1) + (char) ('0' + (last - '0' + 3) % 10));
        numbers.add(number + "7");
        numbers.add(number.substring(0, number.length() - 1));
        for (int digits = 1; digits <= 3; digits++) {
            numbers.add(number.substring(0, 1 + digits) + "0" + number.substring(1 + digits));
        }
        return numbers;
    }

    private static boolean byTheFullParser(String number) {
        try {
            PhoneNumber parsed = UTIL.parse(number, "ZZ");
            return UTIL.isValidNumber(parsed) && UTIL.format(parsed, PhoneNumberFormat.E164).equals(number);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
