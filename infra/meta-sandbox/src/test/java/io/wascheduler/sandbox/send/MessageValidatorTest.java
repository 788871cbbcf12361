package io.wascheduler.sandbox.send;

import io.wascheduler.sandbox.send.MessageValidator.Validation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MessageValidatorTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private Validation validate(String body) {
        return MessageValidator.validate(json.readTree(body));
    }

    @Test
    void aTextMessageIsAcceptedWithItsRecipientInE164AndItsCallbackData() {
        Validation v = validate("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"31 6 1234-5678","type":"text",
                 "text":{"body":"hi","preview_url":false},"biz_opaque_callback_data":"m-1|1|c-1"}""");
        assertThat(v.message()).isEqualTo(new OutgoingMessage("31 6 1234-5678", "+31612345678", "text", "m-1|1|c-1"));
        assertThat(v.message().waId()).isEqualTo("31612345678");
    }

    @Test
    void theTypeDefaultsToText() {
        assertThat(validate("""
                {"messaging_product":"whatsapp","to":"+31612345678","text":{"body":"hi"}}""").message().type())
                .isEqualTo("text");
    }

    @Test
    void aTemplateNeedsANameAndALanguageCode() {
        assertThat(validate("""
                {"messaging_product":"whatsapp","to":"+31612345678","type":"template",
                 "template":{"name":"hello_world","language":{"code":"en_US"}}}""").valid()).isTrue();
        assertThat(validate("""
                {"messaging_product":"whatsapp","to":"+31612345678","type":"template","template":{"language":{"code":"en"}}}""")
                .problem()).isEqualTo("The parameter template['name'] is required.");
        assertThat(validate("""
                {"messaging_product":"whatsapp","to":"+31612345678","type":"template","template":{"name":"x"}}""")
                .problem()).isEqualTo("The parameter template['language']['code'] is required.");
    }

    @Test
    void mediaNeedsALinkOrAnId() {
        assertThat(validate("""
                {"messaging_product":"whatsapp","to":"+31612345678","type":"image","image":{"link":"https://x/y.png"}}""")
                .valid()).isTrue();
        assertThat(validate("""
                {"messaging_product":"whatsapp","to":"+31612345678","type":"document","document":{"caption":"c"}}""")
                .problem()).isEqualTo("The parameter document['link'] or document['id'] is required.");
    }

    @Test
    void eachMissingOrWrongFieldIsNamed() {
        assertThat(validate("{\"to\":\"+31612345678\"}").problem())
                .isEqualTo("The parameter messaging_product is required.");
        assertThat(validate("{\"messaging_product\":\"sms\"}").problem()).contains("messaging_product").contains("sms");
        assertThat(validate("{\"messaging_product\":\"whatsapp\",\"text\":{\"body\":\"x\"}}").problem())
                .isEqualTo("The parameter to is required.");
        assertThat(validate("{\"messaging_product\":\"whatsapp\",\"to\":\"abc\"}").problem()).contains("Param to");
        assertThat(validate("{\"messaging_product\":\"whatsapp\",\"to\":\"+31612345678\",\"type\":\"fax\"}").problem())
                .contains("Param type").contains("fax");
        assertThat(validate("{\"messaging_product\":\"whatsapp\",\"to\":\"+31612345678\",\"type\":\"text\"}").problem())
                .isEqualTo("The parameter text is required.");
        assertThat(validate("{\"messaging_product\":\"whatsapp\",\"to\":\"+31612345678\",\"text\":{}}").problem())
                .isEqualTo("The parameter text['body'] is required.");
    }

    @Test
    void aTextLongerThanMetasLimitIsRefused() {
        String body = "x".repeat(MessageValidator.MAX_TEXT_BODY + 1);
        assertThat(validate("{\"messaging_product\":\"whatsapp\",\"to\":\"+31612345678\",\"text\":{\"body\":\"" + body
                + "\"}}").problem()).contains("at most 4096");
    }
}
