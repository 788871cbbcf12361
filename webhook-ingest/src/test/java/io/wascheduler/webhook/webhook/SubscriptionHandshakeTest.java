package io.wascheduler.webhook.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class SubscriptionHandshakeTest {

    private final SubscriptionHandshake handshake = new SubscriptionHandshake("verify-me");

    @Test
    void aSubscribeRequestWithTheRightTokenIsAnsweredWithItsChallenge() {
        assertThat(handshake.answer("subscribe", "verify-me", "1158201444")).isEqualTo("1158201444");
    }

    @Test
    void aWrongTokenIsForbiddenAndNamedWithoutRevealingTheConfiguredOne() {
        assertThatThrownBy(() -> handshake.answer("subscribe", "verify-you", "1158201444"))
            .isInstanceOfSatisfying(WebhookRejectedException.class, rejected -> {
                assertThat(rejected.status()).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(rejected.field()).isEqualTo("hub.verify_token");
                assertThat(rejected.getMessage()).doesNotContain("verify-me");
            });
    }

    @Test
    void aMissingTokenOrAnotherModeIsForbidden() {
        assertThatThrownBy(() -> handshake.answer("subscribe", null, "1"))
            .isInstanceOfSatisfying(WebhookRejectedException.class,
                rejected -> assertThat(rejected.field()).isEqualTo("hub.verify_token"));
        assertThatThrownBy(() -> handshake.answer("unsubscribe", "verify-me", "1"))
            .isInstanceOfSatisfying(WebhookRejectedException.class,
                rejected -> assertThat(rejected.field()).isEqualTo("hub.mode"));
        assertThatThrownBy(() -> handshake.answer(null, "verify-me", "1"))
            .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void aRequestWithoutChallengeIsForbidden() {
        assertThatThrownBy(() -> handshake.answer("subscribe", "verify-me", null))
            .isInstanceOfSatisfying(WebhookRejectedException.class,
                rejected -> assertThat(rejected.field()).isEqualTo("hub.challenge"));
    }
}
