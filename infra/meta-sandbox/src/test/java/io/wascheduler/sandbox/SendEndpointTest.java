package io.wascheduler.sandbox;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static io.wascheduler.sandbox.SandboxClient.template;
import static io.wascheduler.sandbox.SandboxClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/** The send endpoint answers with Meta's bodies and statuses. */
class SendEndpointTest {

    private static MetaSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = MetaSandbox.start(Map.of("sandbox.senders[0].phone-number-id", "900001",
                "sandbox.senders[0].access-token", "configured-token"));
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void anAcceptedTextReturnsTheRecipientAsSentItsWaIdAndAWamid() {
        String number = client.newSender(null);
        client.send(number, text("1 (201) 555-0123", "m-1|1|c-1")).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.messaging_product").isEqualTo("whatsapp")
                .jsonPath("$.contacts[0].input").isEqualTo("1 (201) 555-0123")
                .jsonPath("$.contacts[0].wa_id").isEqualTo("12015550123")
                .jsonPath("$.messages[0].id").value(startsWith("wamid."))
                .jsonPath("$.messages[0].message_status").doesNotExist();
    }

    @Test
    void anAcceptedTemplateIsMarkedAccepted() {
        String number = client.newSender(null);
        client.send(number, template("+31612345678")).expectStatus().isOk()
                .expectBody().jsonPath("$.messages[0].message_status").isEqualTo("accepted");
    }

    @Test
    void aSenderConfiguredInPropertiesCanSend() {
        client.send("900001", "configured-token", text("+31612345678", "m-2|1|c-1")).expectStatus().isOk();
    }

    @Test
    void anInvalidBodyIsRefusedWithError100NamingTheProblem() {
        String number = client.newSender(null);
        client.send(number, "{\"messaging_product\":\"whatsapp\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.message").isEqualTo("(#100) Invalid parameter")
                .jsonPath("$.error.type").isEqualTo("OAuthException")
                .jsonPath("$.error.code").isEqualTo(100)
                .jsonPath("$.error.error_data.messaging_product").isEqualTo("whatsapp")
                .jsonPath("$.error.error_data.details").isEqualTo("The parameter to is required.")
                .jsonPath("$.error.fbtrace_id").isNotEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithError100() {
        String number = client.newSender(null);
        client.send(number, "{not json").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo(100);
    }

    @Test
    void aWrongTokenIsRefusedWith190AndHttp401() {
        String number = client.newSender(null);
        client.send(number, "someone-elses-token", text("+31612345678", "m-3|1|c-1")).expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo(190)
                .jsonPath("$.error.type").isEqualTo("OAuthException")
                .jsonPath("$.error.message").isEqualTo("Invalid OAuth access token - Cannot parse access token");
    }

    @Test
    void aMissingTokenIsRefusedWith190() {
        String number = client.newSender(null);
        client.http.post().uri("/v23.0/{id}/messages", number).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(text("+31612345678", "m-4|1|c-1")).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.error.code").isEqualTo(190);
    }

    @Test
    void anUnknownPhoneNumberIdIsAnUnsupportedPostRequest() {
        client.send("424242", "any-token", text("+31612345678", "m-5|1|c-1")).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo(100)
                .jsonPath("$.error.error_subcode").isEqualTo(33)
                .jsonPath("$.error.type").isEqualTo("GraphMethodException")
                .jsonPath("$.error.message").value(startsWith("Unsupported post request. Object with ID '424242'"));
    }

    @Test
    void registeringANumberAgainReplacesItsToken() {
        String number = client.newSender(null);
        client.http.post().uri("/sandbox/senders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phoneNumberId", number, "accessToken", "rotated-token")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.accessToken").doesNotExist();
        client.send(number, text("+31612345678", "m-6|1|c-1")).expectStatus().isUnauthorized();
        client.send(number, "rotated-token", text("+31612345678", "m-6|1|c-1")).expectStatus().isOk();
    }

    @Test
    void theLedgerListsAcceptedSendsAndTheStatsCountAnswersByCode() {
        String number = client.newSender(null);
        long before = System.currentTimeMillis();
        String wamid = client.sendAccepted(number, text("31612345678", "m-7|1|c-1"));
        client.sendAccepted(number, template("+31687654321"));
        client.send(number, "{}").expectStatus().isBadRequest();
        client.send(number, "wrong", "{}").expectStatus().isUnauthorized();

        client.http.get().uri("/sandbox/messages?phoneNumberId={n}&to={to}", number, "+31612345678").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].wamid").isEqualTo(wamid)
                .jsonPath("$[0].phoneNumberId").isEqualTo(number)
                .jsonPath("$[0].to").isEqualTo("+31612345678")
                .jsonPath("$[0].type").isEqualTo("text")
                .jsonPath("$[0].bizOpaqueCallbackData").isEqualTo("m-7|1|c-1")
                .jsonPath("$[0].acceptedAt")
                .value(at -> assertThat(((Number) at).longValue()).isGreaterThanOrEqualTo(before));
        client.http.get().uri("/sandbox/messages?phoneNumberId=" + number + "&to=+31612345678").exchange()
                .expectBody().jsonPath("$[0].wamid").isEqualTo(wamid);
        client.http.get().uri("/sandbox/messages?phoneNumberId={n}&since={s}", number, before).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
        client.http.get().uri("/sandbox/stats").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$['" + number + "'].accepted").isEqualTo(2)
                .jsonPath("$['" + number + "'].errors['100']").isEqualTo(1)
                .jsonPath("$['" + number + "'].errors['190']").isEqualTo(1);
    }

    @Test
    void theSandboxReportsItselfHealthy() {
        client.http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").exists();
    }
}
