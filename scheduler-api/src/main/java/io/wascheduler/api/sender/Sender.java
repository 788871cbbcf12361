package io.wascheduler.api.sender;

/**
 * A sender as the tenant sees it; the access token is never part of it. {@code currentMps}: messages the
 * Cloud API accepted from it per second over the last {@link SendRate#WINDOW}.
 */
record Sender(
    String phoneNumberId, String displayPhoneNumber, int throughputMps, String status, String statusReason,
    LastError lastError, Double currentMps) {

    record LastError(Integer code, String title, String detail) {
    }
}
