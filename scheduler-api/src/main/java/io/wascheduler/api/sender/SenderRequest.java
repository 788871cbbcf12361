package io.wascheduler.api.sender;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /v1/senders}. The token is write-only and kept out of toString so it cannot reach a log. */
record SenderRequest(
    String phoneNumberId,
    String displayPhoneNumber,
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String accessToken,
    Integer throughputMps) {

    static final int DEFAULT_THROUGHPUT_MPS = 80;
    static final int MAX_THROUGHPUT_MPS = 1000;

    @Override
    public String toString() {
        return "SenderRequest[phoneNumberId=" + phoneNumberId + ", displayPhoneNumber=" + displayPhoneNumber
            + ", accessToken=<hidden>, throughputMps=" + throughputMps + "]";
    }
}
