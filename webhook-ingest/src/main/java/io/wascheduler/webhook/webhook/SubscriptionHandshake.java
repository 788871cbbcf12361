package io.wascheduler.webhook.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;

/** Meta's verification request: echo the challenge only to someone who knows the verify token. */
final class SubscriptionHandshake {

    static final String MODE = "hub.mode";
    static final String VERIFY_TOKEN = "hub.verify_token";
    static final String CHALLENGE = "hub.challenge";

    private static final String SUBSCRIBE = "subscribe";

    private final byte[] verifyToken;

    SubscriptionHandshake(String verifyToken) {
        this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The challenge to answer with.
     *
     * @throws WebhookRejectedException 403 naming the parameter at fault (never revealing the token)
     */
    String answer(String mode, String token, String challenge) {
        if (!SUBSCRIBE.equals(mode)) {
            throw forbidden(MODE, MODE + " must be " + SUBSCRIBE);
        }
        // Constant time, like the signature check, so the token cannot be guessed byte by byte.
        if (token == null || !MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8))) {
            throw forbidden(VERIFY_TOKEN, VERIFY_TOKEN + " does not match the configured verify token");
        }
        if (challenge == null || challenge.isEmpty()) {
            throw forbidden(CHALLENGE, CHALLENGE + " is missing");
        }
        return challenge;
    }

    private static WebhookRejectedException forbidden(String parameter, String detail) {
        return new WebhookRejectedException(HttpStatus.FORBIDDEN, parameter, detail);
    }
}
