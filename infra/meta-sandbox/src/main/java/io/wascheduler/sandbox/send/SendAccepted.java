package io.wascheduler.sandbox.send;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Meta's answer to an accepted send. */
@JsonPropertyOrder({"messaging_product", "contacts", "messages"})
record SendAccepted(@JsonProperty("messaging_product") String messagingProduct, List<Contact> contacts,
        List<Message> messages) {

    @JsonPropertyOrder({"input", "wa_id"})
    record Contact(String input, @JsonProperty("wa_id") String waId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "message_status"})
    record Message(String id, @JsonProperty("message_status") String messageStatus) {
    }

    static SendAccepted of(OutgoingMessage message, String wamid) {
        String status = message.type().equals("template") ? "accepted" : null;
        return new SendAccepted("whatsapp", List.of(new Contact(message.toAsSent(), message.waId())),
                List.of(new Message(wamid, status)));
    }
}
