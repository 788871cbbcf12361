package io.wascheduler.model.event;

/**
 * A sender's settings the dispatcher needs. Never carries the access token: the dispatcher fetches it
 * from scheduler-api over an authenticated internal call.
 */
public record SenderConfigured(String phoneNumberId, String tenantId, int throughputMps) implements EventPayload {

    @Override
    public String key() {
        return phoneNumberId;
    }
}
