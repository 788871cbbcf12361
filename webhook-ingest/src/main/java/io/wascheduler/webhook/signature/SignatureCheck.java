package io.wascheduler.webhook.signature;

/** The outcome of checking {@code X-Hub-Signature-256} against a body. */
public enum SignatureCheck {
    VALID("the signature matches"),
    MISSING("X-Hub-Signature-256 is missing"),
    MALFORMED("X-Hub-Signature-256 must be sha256= followed by 64 hexadecimal digits"),
    MISMATCH("X-Hub-Signature-256 does not match the body");

    private final String reason;

    SignatureCheck(String reason) {
        this.reason = reason;
    }

    /** Why a request was refused, safe to show the caller: it names the header, never the secret. */
    public String reason() {
        return reason;
    }
}
