package io.wascheduler.sandbox.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.URL;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the sandbox does is driven from here ({@code sandbox.*}). Status, latency and fault settings are
 * only the starting values: {@code PUT /sandbox/config} changes them at runtime.
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxProperties(
        @URL String webhookUrl,
        String appSecret,
        @Positive Integer defaultThroughputMps,
        String defaultWabaId,
        String defaultDisplayPhoneNumber,
        List<@Valid SenderEntry> senders,
        @Valid PairRate pairRate,
        @Valid Magic magic,
        @Valid Delivery delivery,
        @Valid StatusSettings statuses,
        @Valid LatencySettings latency,
        @Valid Ledger ledger,
        @Valid FaultSettings faults) {

    public static final int DEFAULT_THROUGHPUT_MPS = 80;
    /** The WABA id of Meta's own sample payloads; senders may name their own. */
    public static final String DEFAULT_WABA_ID = "102290129340398";
    public static final String DEFAULT_DISPLAY_PHONE_NUMBER = "15550783881";

    public SandboxProperties {
        webhookUrl = webhookUrl == null ? "" : webhookUrl.strip();
        appSecret = appSecret == null ? "" : appSecret;
        defaultThroughputMps = defaultThroughputMps == null ? DEFAULT_THROUGHPUT_MPS : defaultThroughputMps;
        defaultWabaId = defaultWabaId == null ? DEFAULT_WABA_ID : defaultWabaId;
        defaultDisplayPhoneNumber = defaultDisplayPhoneNumber == null ? DEFAULT_DISPLAY_PHONE_NUMBER
                : defaultDisplayPhoneNumber;
        senders = senders == null ? List.of() : List.copyOf(senders);
        pairRate = pairRate == null ? new PairRate(null, null, null) : pairRate;
        magic = magic == null ? new Magic(null, null, null) : magic;
        delivery = delivery == null ? new Delivery(null, null, null, null, null, null) : delivery;
        statuses = statuses == null ? StatusSettings.DEFAULTS : statuses;
        latency = latency == null ? LatencySettings.NONE : latency;
        ledger = ledger == null ? new Ledger(null) : ledger;
        faults = faults == null ? FaultSettings.NONE : faults;
    }

    /** A sender known from start-up, as if registered through {@code POST /sandbox/senders}. */
    public record SenderEntry(@NotBlank String phoneNumberId, @NotBlank String accessToken,
            @Positive Integer throughputMps, String wabaId, String displayPhoneNumber) {
    }

    /** Meta's pair rate: one message per {@code interval} to the same recipient, bursts of {@code burst} borrowed. */
    public record PairRate(Duration interval, @Positive Integer burst, Duration idleSweepInterval) {
        public PairRate {
            interval = interval == null ? Duration.ofSeconds(6) : interval;
            burst = burst == null ? 5 : burst;
            idleSweepInterval = idleSweepInterval == null ? Duration.ofSeconds(30) : idleSweepInterval;
        }
    }

    /** How many times the +12015550500 and +12015550408 recipients misbehave per message, and how long a hold lasts. */
    public record Magic(@Min(0) Integer serverErrorAttempts, @Min(0) Integer timeoutAttempts, Duration timeoutHold) {
        public Magic {
            serverErrorAttempts = serverErrorAttempts == null ? 2 : serverErrorAttempts;
            timeoutAttempts = timeoutAttempts == null ? 1 : timeoutAttempts;
            timeoutHold = timeoutHold == null ? Duration.ofSeconds(60) : timeoutHold;
        }
    }

    /** Webhook POSTs: bounded concurrency, a per-request timeout and Meta-like retries on any non-200 answer. */
    public record Delivery(@Positive Integer maxConcurrency, Duration requestTimeout, @Positive Integer maxAttempts,
            Duration initialBackoff, Double backoffMultiplier, Duration maxBackoff) {
        public Delivery {
            maxConcurrency = maxConcurrency == null ? 32 : maxConcurrency;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
            maxAttempts = maxAttempts == null ? 8 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
            backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
        }
    }

    /** The ledger is held in memory: oldest entries are dropped beyond {@code maxEntries}. */
    public record Ledger(@Positive Integer maxEntries) {
        public Ledger {
            maxEntries = maxEntries == null ? 250_000 : maxEntries;
        }
    }
}
