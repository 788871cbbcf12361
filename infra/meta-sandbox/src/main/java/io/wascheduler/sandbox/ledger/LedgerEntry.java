package io.wascheduler.sandbox.ledger;

/** One accepted send: what tests and benchmarks take as the ground truth of what reached "Meta". */
public record LedgerEntry(String wamid, String phoneNumberId, String to, String type, String bizOpaqueCallbackData,
        long acceptedAt) {
}
