package io.wascheduler.dispatcher.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.content.MediaContent;
import io.wascheduler.model.content.MessageContent;
import io.wascheduler.model.content.TemplateContent;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.event.MetaError;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CloudApiRequestsTest {

    @Test
    void aTextMessageBecomesMetasTextBodyWithOurCallbackData() {
        JsonNode body = CloudApiRequests.body(message(new TextContent("Hello", true)));

        assertThat(body.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(body.path("recipient_type").asString()).isEqualTo("individual");
        assertThat(body.path("to").asString()).isEqualTo("+14155550123");
        assertThat(body.path("type").asString()).isEqualTo("text");
        assertThat(body.path("text").path("body").asString()).isEqualTo("Hello");
        assertThat(body.path("text").path("preview_url").asBoolean()).isTrue();
        assertThat(body.path("biz_opaque_callback_data").asString()).isEqualTo("wa1|m-1|3|c-9");
    }

    @Test
    void aTemplateKeepsItsComponentsUnchanged() {
        JsonNode components = EventCodec.mapper().readTree(
            "[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Ann\"}]}]");
        JsonNode body = CloudApiRequests.body(message(new TemplateContent("summer_sale", "en_US", components)));

        assertThat(body.path("template").path("name").asString()).isEqualTo("summer_sale");
        assertThat(body.path("template").path("language").path("code").asString()).isEqualTo("en_US");
        assertThat(body.path("template").path("components")).isEqualTo(components);
    }

    @Test
    void aDocumentIsSentByLinkWithCaptionAndFileName() {
        JsonNode body = CloudApiRequests.body(
            message(new MediaContent.Document("https://example.com/a.pdf", "Invoice", "a.pdf")));

        assertThat(body.path("type").asString()).isEqualTo("document");
        assertThat(body.path("document").path("link").asString()).isEqualTo("https://example.com/a.pdf");
        assertThat(body.path("document").path("caption").asString()).isEqualTo("Invoice");
        assertThat(body.path("document").path("filename").asString()).isEqualTo("a.pdf");
    }

    @Test
    void anImageWithoutCaptionSendsNoCaption() {
        JsonNode body = CloudApiRequests.body(message(new MediaContent.Image("https://example.com/a.png", null)));

        assertThat(body.path("image").has("caption")).isFalse();
    }

    @Test
    void metasErrorIsReadByItsCodeWhateverTheHttpStatus() {
        SendResult result = CloudApiClient.interpret(400, """
            {"error":{"message":"(#131056) (Business Account, Consumer Account) pair rate limit hit",
             "type":"OAuthException","code":131056,"error_data":{"messaging_product":"whatsapp",
             "details":"Message failed to send because there were too many messages"},"fbtrace_id":"x"}}""");

        assertThat(result).isEqualTo(new SendResult.Rejected(new MetaError(131056,
            "(Business Account, Consumer Account) pair rate limit hit",
            "Message failed to send because there were too many messages")));
    }

    @Test
    void anErrorWithoutErrorDataKeepsCodeAndTitle() {
        SendResult result = CloudApiClient.interpret(401,
            "{\"error\":{\"message\":\"(#190) Access token has expired\",\"code\":190}}");

        assertThat(result).isEqualTo(new SendResult.Rejected(new MetaError(190, "Access token has expired", null)));
    }

    @Test
    void anAcceptedSendYieldsItsWamid() {
        SendResult result = CloudApiClient.interpret(200, """
            {"messaging_product":"whatsapp","contacts":[{"input":"+14155550123","wa_id":"14155550123"}],
             "messages":[{"id":"wamid.ABC"}]}""");

        assertThat(result).isEqualTo(new SendResult.Accepted("wamid.ABC"));
    }

    @Test
    void aServerErrorWithoutMetasErrorIsATransportFailure() {
        SendResult result = CloudApiClient.interpret(502, "");

        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class,
            rejected -> assertThat(rejected.error().code()).isEqualTo(-1));
    }

    @Test
    void aGatewayErrorPageIsATransportFailure() {
        SendResult result = CloudApiClient.interpret(502, "<html><body>Bad gateway</body></html>");

        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class,
            rejected -> assertThat(rejected.error().code()).isEqualTo(-1));
    }

    private static MessageScheduled message(MessageContent content) {
        return new MessageScheduled("m-1", 3, "c-9", "sender-1", "+14155550123", content,
            Instant.parse("2026-11-22T06:00:00Z"), 4, Map.of());
    }
}
