package io.wascheduler.sandbox.sender;

/** A business phone number the sandbox serves, with the token that may send from it. */
public record Sender(String phoneNumberId, String accessToken, int throughputMps, String wabaId,
        String displayPhoneNumber) {

    public boolean acceptsToken(String token) {
        return accessToken.equals(token);
    }

    @Override
    public String toString() {
        return "Sender[" + phoneNumberId + ", " + throughputMps + " mps]";
    }
}
