package io.wascheduler.api.sender;

/** A sender as the tenant sees it; the access token is never part of it. */
record Sender(
    String phoneNumberId, String displayPhoneNumber, int throughputMps, String status, String statusReason,
    LastError lastError) {

    record LastError(Integer code, String title, String detail) {
    }
}
