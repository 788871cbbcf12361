package io.wascheduler.dispatcher.sender;

/** What scheduler-api tells about a sender, the decrypted access token included. Never logged. */
public record SenderCredentials(String phoneNumberId, String accessToken, int throughputMps, String status) {

    @Override
    public String toString() {
        return "SenderCredentials[phoneNumberId=" + phoneNumberId + ", accessToken=<hidden>, throughputMps="
            + throughputMps + ", status=" + status + "]";
    }
}
