package io.wascheduler.api.message;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** E.164 as the Cloud API wants it: a leading '+', digits only, and a number real numbering plans allow. */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_REGION = "ZZ";

    private PhoneNumbers() {
    }

    static boolean isValidE164(String number) {
        if (number == null || !number.startsWith("+")) {
            return false;
        }
        try {
            PhoneNumber parsed = UTIL.parse(number, UNKNOWN_REGION);
            return UTIL.isValidNumber(parsed) && UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164).equals(number);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
