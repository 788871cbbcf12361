package io.wascheduler.sandbox.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {

    @Test
    void theSignatureIsTheLowercaseHexHmacSha256OfTheBodyKeyedWithTheAppSecret() {
        // RFC 4231, test case 2
        String header = new WebhookSigner("Jefe")
                .signatureHeader("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
        assertThat(header).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
