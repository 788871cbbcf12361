package io.wascheduler.sandbox.webhook;

import java.util.List;

import io.wascheduler.sandbox.send.MetaError;
import io.wascheduler.sandbox.webhook.StatusEvent.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.wascheduler.sandbox.webhook.Messages.ACCEPTED_AT;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookPayloadsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode render(List<StatusEvent> batch) {
        return json.readTree(json.writeValueAsBytes(WebhookPayloads.build(batch)));
    }

    @Test
    void aStatusArrivesInMetasShape() {
        JsonNode body = render(List.of(new StatusEvent(Messages.aText(), Kind.SENT, ACCEPTED_AT.plusSeconds(1))));
        assertThat(body.path("object").stringValue()).isEqualTo("whatsapp_business_account");
        JsonNode entry = body.path("entry").path(0);
        assertThat(entry.path("id").stringValue()).isEqualTo("5550001");
        JsonNode change = entry.path("changes").path(0);
        assertThat(change.path("field").stringValue()).isEqualTo("messages");
        JsonNode value = change.path("value");
        assertThat(value.path("messaging_product").stringValue()).isEqualTo("whatsapp");
        assertThat(value.path("metadata").path("display_phone_number").stringValue()).isEqualTo("15550001001");
        assertThat(value.path("metadata").path("phone_number_id").stringValue()).isEqualTo("1001");
        JsonNode status = value.path("statuses").path(0);
        assertThat(status.path("id").stringValue()).isEqualTo("wamid.TEXT");
        assertThat(status.path("status").stringValue()).isEqualTo("sent");
        assertThat(status.path("timestamp").stringValue()).isEqualTo(Long.toString(ACCEPTED_AT.getEpochSecond() + 1));
        assertThat(status.path("recipient_id").stringValue()).isEqualTo("31612345678");
        assertThat(status.path("biz_opaque_callback_data").stringValue()).isEqualTo("msg-1|1|camp-1");
    }

    @Test
    void sentAndDeliveredCarryConversationAndPricingButReadDoesNot() {
        JsonNode statuses = render(List.of(new StatusEvent(Messages.aText(), Kind.SENT, ACCEPTED_AT),
                new StatusEvent(Messages.aText(), Kind.DELIVERED, ACCEPTED_AT),
                new StatusEvent(Messages.aText(), Kind.READ, ACCEPTED_AT)))
                .path("entry").path(0).path("changes").path(0).path("value").path("statuses");
        JsonNode sent = statuses.path(0);
        assertThat(sent.path("conversation").path("id").stringValue()).hasSize(32);
        assertThat(sent.path("conversation").path("expiration_timestamp").stringValue())
                .isEqualTo(Long.toString(ACCEPTED_AT.getEpochSecond() + 86_400));
        assertThat(sent.path("conversation").path("origin").path("type").stringValue()).isEqualTo("service");
        assertThat(sent.path("pricing").path("pricing_model").stringValue()).isEqualTo("PMP");
        assertThat(sent.path("pricing").path("billable").booleanValue()).isFalse();
        assertThat(statuses.path(1).has("conversation")).isTrue();
        assertThat(statuses.path(1).path("conversation").has("expiration_timestamp")).isFalse();
        assertThat(statuses.path(2).has("conversation")).isFalse();
        assertThat(statuses.path(2).has("pricing")).isFalse();
    }

    @Test
    void aTemplateIsBilledAsMarketingAndHasNoCallbackDataWhenSentWithout() {
        JsonNode status = render(List.of(new StatusEvent(Messages.aTemplate(), Kind.DELIVERED, ACCEPTED_AT)))
                .path("entry").path(0).path("changes").path(0).path("value").path("statuses").path(0);
        assertThat(status.path("pricing").path("category").stringValue()).isEqualTo("marketing");
        assertThat(status.path("pricing").path("billable").booleanValue()).isTrue();
        assertThat(status.has("biz_opaque_callback_data")).isFalse();
    }

    @Test
    void aFailedStatusCarriesMetasErrorAndNoPricing() {
        JsonNode status = render(List.of(new StatusEvent(Messages.aFailing(MetaError.MESSAGE_UNDELIVERABLE),
                Kind.FAILED, ACCEPTED_AT))).path("entry").path(0).path("changes").path(0).path("value")
                .path("statuses").path(0);
        assertThat(status.path("status").stringValue()).isEqualTo("failed");
        assertThat(status.has("pricing")).isFalse();
        JsonNode error = status.path("errors").path(0);
        assertThat(error.path("code").intValue()).isEqualTo(131026);
        assertThat(error.path("title").stringValue()).isEqualTo("Message undeliverable");
        assertThat(error.path("error_data").path("details").stringValue()).startsWith("Unable to deliver message");
        assertThat(error.path("href").stringValue()).startsWith("https://developers.facebook.com/");
    }

    @Test
    void aBatchGroupsStatusesByWabaThenByPhoneNumber() {
        JsonNode body = render(List.of(new StatusEvent(Messages.aText(), Kind.SENT, ACCEPTED_AT),
                new StatusEvent(Messages.aFailing(MetaError.SPAM_RATE_LIMIT), Kind.FAILED, ACCEPTED_AT),
                new StatusEvent(Messages.aTemplate(), Kind.SENT, ACCEPTED_AT)));
        assertThat(body.path("entry")).hasSize(2);
        JsonNode first = body.path("entry").path(0).path("changes").path(0).path("value").path("statuses");
        assertThat(first).extracting(s -> s.path("id").stringValue()).containsExactly("wamid.TEXT", "wamid.TEMPLATE");
        assertThat(body.path("entry").path(1).path("id").stringValue()).isEqualTo("5550002");
    }
}
