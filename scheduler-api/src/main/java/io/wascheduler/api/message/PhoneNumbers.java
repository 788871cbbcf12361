package io.wascheduler.api.message;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * E.164 as the Cloud API wants it: a leading '+', digits only, and a number real numbering plans allow.
 * Why not {@link PhoneNumberUtil#parse}: it is made for numbers as people write them (spaces, extensions,
 * national prefixes) and runs a dozen regular expressions to find out; in E.164 the country code is simply the
 * one prefix of one to three digits that names a country (the codes are prefix-free) and the rest is the
 * national number. Parsing was 60 % of what an uploaded campaign row cost.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_REGION = "ZZ";
    private static final int MAX_COUNTRY_CODE_DIGITS = 3;
    /** Not E.164's 15: some plans (German toll-free numbers) are longer, and the numbering plans decide. */
    private static final int MAX_NATIONAL_DIGITS = 17;

    private PhoneNumbers() {
    }

    static boolean isValidE164(String number) {
        if (!isPlusAndDigits(number)) {
            return false;
        }
        for (int digits = 1; digits <= MAX_COUNTRY_CODE_DIGITS && 1 + digits < number.length(); digits++) {
            int countryCode = Integer.parseInt(number, 1, 1 + digits, 10);
            if (!UNKNOWN_REGION.equals(UTIL.getRegionCodeForCountryCode(countryCode))) {
                return UTIL.isValidNumber(phoneNumber(countryCode, number.substring(1 + digits)));
            }
        }
        return false;
    }

    private static boolean isPlusAndDigits(String number) {
        if (number == null || number.length() < 2 || number.charAt(0) != '+'
            || number.length() > 1 + MAX_COUNTRY_CODE_DIGITS + MAX_NATIONAL_DIGITS) {
            return false;
        }
        for (int i = 1; i < number.length(); i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** As the parser builds it: leading zeros of the national number (Italy's fixed lines) are kept as a count. */
    private static PhoneNumber phoneNumber(int countryCode, String nationalNumber) {
        PhoneNumber phoneNumber = new PhoneNumber().setCountryCode(countryCode)
            .setNationalNumber(Long.parseLong(nationalNumber));
        if (nationalNumber.length() > 1 && nationalNumber.charAt(0) == '0') {
            phoneNumber.setItalianLeadingZero(true);
            int zeros = 1;
            while (zeros < nationalNumber.length() - 1 && nationalNumber.charAt(zeros) == '0') {
                zeros++;
            }
            if (zeros > 1) {
                phoneNumber.setNumberOfLeadingZeros(zeros);
            }
        }
        return phoneNumber;
    }
}
