package io.wascheduler.sandbox.send;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Meta's error envelope: {@code {"error": {...}}}. {@code error_subcode} and {@code error_data} are optional. */
record ErrorBody(Error error) {

    /** Graph's subcode for an object id that does not exist or cannot be loaded. */
    private static final int UNKNOWN_OBJECT_SUBCODE = 33;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String message, String type, int code, @JsonProperty("error_subcode") Integer errorSubcode,
            @JsonProperty("error_data") ErrorData errorData, @JsonProperty("fbtrace_id") String fbtraceId) {
    }

    record ErrorData(@JsonProperty("messaging_product") String messagingProduct, String details) {
    }

    static ErrorBody of(MetaError error, String details, String fbtraceId) {
        return new ErrorBody(new Error(error.message(), "OAuthException", error.code(), null,
                new ErrorData("whatsapp", details), fbtraceId));
    }

    /** What Graph answers for a token it cannot use: no {@code (#190)} prefix and no {@code error_data}. */
    static ErrorBody accessToken(String message, Integer subcode, String fbtraceId) {
        return new ErrorBody(new Error(message, "OAuthException", MetaError.ACCESS_TOKEN.code(), subcode, null,
                fbtraceId));
    }

    /** What Graph answers for a phone number id it does not know. */
    static ErrorBody unknownObject(String objectId, String fbtraceId) {
        String message = "Unsupported post request. Object with ID '" + objectId + "' does not exist, cannot be "
                + "loaded due to missing permissions, or does not support this operation. Please read the Graph "
                + "API documentation at https://developers.facebook.com/docs/graph-api";
        return new ErrorBody(new Error(message, "GraphMethodException", MetaError.INVALID_PARAMETER.code(),
                UNKNOWN_OBJECT_SUBCODE, null,
                fbtraceId));
    }
}
