package io.wascheduler.sandbox.webhook;

import java.time.Instant;

import io.wascheduler.sandbox.send.MetaError;

/**
 * An accepted send as its status webhooks need it. {@code failure} is set when the message will end
 * {@code failed} instead of being delivered.
 */
public record AcceptedMessage(String wamid, String phoneNumberId, String wabaId, String displayPhoneNumber,
        String recipientWaId, String type, String bizOpaqueCallbackData, Instant acceptedAt, MetaError failure) {
}
