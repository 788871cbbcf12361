package io.wascheduler.sandbox.send;

/** A send request that passed validation: the recipient as sent and in E.164, the type, the callback data. */
record OutgoingMessage(String toAsSent, String toE164, String type, String bizOpaqueCallbackData) {

    /** WhatsApp's id for the recipient: the E.164 digits without '+'. */
    String waId() {
        return toE164.substring(1);
    }
}
