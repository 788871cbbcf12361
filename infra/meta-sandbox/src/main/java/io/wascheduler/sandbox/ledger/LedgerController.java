package io.wascheduler.sandbox.ledger;

import java.util.List;
import java.util.Map;

import io.wascheduler.sandbox.send.PhoneNumbers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ground truth for tests and benchmarks: what was accepted, and what was refused. */
@RestController
@RequestMapping("/sandbox")
class LedgerController {

    private final Ledger ledger;
    private final SendStats stats;

    LedgerController(Ledger ledger, SendStats stats) {
        this.ledger = ledger;
        this.stats = stats;
    }

    /** {@code to} is E.164; an unencoded '+' arrives as a space, so it is normalised like a send's recipient. */
    @GetMapping("/messages")
    List<LedgerEntry> messages(@RequestParam(required = false) String to,
            @RequestParam(required = false) String phoneNumberId, @RequestParam(required = false) Long since) {
        String toE164 = to == null ? null : PhoneNumbers.toE164(to).orElse(to);
        return ledger.find(toE164, phoneNumberId, since);
    }

    @GetMapping("/stats")
    Map<String, SendStats.NumberStats> stats() {
        return stats.snapshot();
    }
}
