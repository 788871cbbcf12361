package io.wascheduler.sandbox.config;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

/**
 * How status webhooks follow an accepted send: delays (sent after acceptance, delivered after sent, read
 * after delivered), the chance of each later status, and the delivery disorders Meta shows (duplicates,
 * reordering, several statuses batched in one POST).
 */
public record StatusSettings(Duration sentDelay, Duration deliveredDelay, Duration readDelay,
        @DecimalMin("0") @DecimalMax("1") Double deliveredProbability,
        @DecimalMin("0") @DecimalMax("1") Double readProbability,
        @DecimalMin("0") @DecimalMax("1") Double duplicateProbability,
        @DecimalMin("0") @DecimalMax("1") Double reorderProbability,
        @Positive Integer batchSize, Duration batchLinger) {

    public static final StatusSettings DEFAULTS = new StatusSettings(null, null, null, null, null, null, null, null,
            null);

    public StatusSettings {
        sentDelay = sentDelay == null ? Duration.ofMillis(50) : sentDelay;
        deliveredDelay = deliveredDelay == null ? Duration.ofMillis(100) : deliveredDelay;
        readDelay = readDelay == null ? Duration.ofMillis(150) : readDelay;
        deliveredProbability = deliveredProbability == null ? 1.0 : deliveredProbability;
        readProbability = readProbability == null ? 1.0 : readProbability;
        duplicateProbability = duplicateProbability == null ? 0.0 : duplicateProbability;
        reorderProbability = reorderProbability == null ? 0.0 : reorderProbability;
        batchSize = batchSize == null ? 1 : batchSize;
        batchLinger = batchLinger == null ? Duration.ofMillis(20) : batchLinger;
    }
}
