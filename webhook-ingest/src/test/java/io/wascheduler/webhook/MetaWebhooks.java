package io.wascheduler.webhook;

import io.wascheduler.webhook.signature.SignatureVerifier;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Posts webhooks to the service the way Meta does, signed with an app secret. */
final class MetaWebhooks {

    static final String PATH = "/webhooks/whatsapp";

    private final WebTestClient client;
    private final SignatureVerifier meta;

    MetaWebhooks(WebTestClient client, String appSecret) {
        this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        this.meta = new SignatureVerifier(appSecret);
    }

    WebTestClient.ResponseSpec postSigned(byte[] body) {
        return post(body, meta.sign(body));
    }

    WebTestClient.ResponseSpec post(byte[] body, String signature) {
        return client.post().uri(PATH)
            .contentType(MediaType.APPLICATION_JSON)
            .header(SignatureVerifier.HEADER, signature)
            .bodyValue(body)
            .exchange();
    }

    String sign(byte[] body) {
        return meta.sign(body);
    }
}
