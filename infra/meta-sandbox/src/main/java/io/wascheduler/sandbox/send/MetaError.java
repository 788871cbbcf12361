package io.wascheduler.sandbox.send;

import java.util.Arrays;
import java.util.Optional;

/** The Cloud API errors the sandbox produces, with Meta's titles, HTTP statuses and details. */
public enum MetaError {

    INVALID_PARAMETER(100, "Invalid parameter", 400, "Invalid parameter"),
    ACCESS_TOKEN(190, "Invalid OAuth access token", 401, "Invalid OAuth access token - Cannot parse access token"),
    THROUGHPUT_REACHED(130429, "Rate limit hit", 400, "Cloud API message throughput has been reached."),
    UNKNOWN_ERROR(131000, "Something went wrong", 500, "Message failed to send due to an unknown error."),
    PARAMETER_VALUE_NOT_VALID(131009, "Parameter value is not valid", 400,
            "One or more parameter values are invalid."),
    SERVICE_UNAVAILABLE(131016, "Service unavailable", 500,
            "A service is temporarily unavailable. Please check the status page."),
    MESSAGE_UNDELIVERABLE(131026, "Message undeliverable", 400,
            "Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone "
                    + "number; the recipient has not accepted WhatsApp's new Terms of Service and Privacy Policy; "
                    + "the recipient is using an old WhatsApp version."),
    RE_ENGAGEMENT(131047, "Re-engagement message", 400,
            "Message failed to send because more than 24 hours have passed since the customer last replied to "
                    + "this number."),
    SPAM_RATE_LIMIT(131048, "Spam rate limit hit", 400,
            "Message failed to send because there are restrictions on how many messages can be sent from this "
                    + "phone number. This may be because too many previous messages were blocked or flagged as spam."),
    ECOSYSTEM_ENGAGEMENT(131049, "This message was not delivered to maintain healthy ecosystem engagement.", 400,
            "In order to maintain a healthy ecosystem engagement, the message failed to be delivered."),
    PAIR_RATE_LIMIT(131056, "(Business Account, Consumer Account) pair rate limit hit", 400,
            "Message failed to send because there were too many messages sent from this phone number to the same "
                    + "phone number in a short period of time."),
    TEMPORARILY_BLOCKED(368, "Temporarily blocked for policies violations", 400,
            "The WhatsApp Business Account associated with the app has been restricted or disabled for violating a "
                    + "platform policy."),
    SERVER_UNAVAILABLE(133004, "Server temporarily unavailable", 503,
            "Message failed to send because the server is temporarily unavailable.");

    public static final String ERROR_CODES_HREF =
            "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

    private final int code;
    private final String title;
    private final int httpStatus;
    private final String details;

    MetaError(int code, String title, int httpStatus, String details) {
        this.code = code;
        this.title = title;
        this.httpStatus = httpStatus;
        this.details = details;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String details() {
        return details;
    }

    public static Optional<MetaError> byCode(int code) {
        return Arrays.stream(values()).filter(error -> error.code == code).findFirst();
    }

    /** Meta's {@code error.message}: the code in parentheses, then the title. */
    public String message() {
        return "(#" + code + ") " + title;
    }
}
