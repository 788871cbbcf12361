package io.wascheduler.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * scheduler-api's own settings ({@code wa.api.*}). The three secrets have no default: a service
 * started without them must not come up with a guessable one.
 */
@Validated
@ConfigurationProperties("wa.api")
public record ApiProperties(
    @NotBlank String adminToken,
    @NotBlank String internalToken,
    @NotBlank String tokenEncryptionKey,
    URI projectorBaseUrl,
    Duration projectorTimeout,
    @Positive Integer maxCampaignRecipients,
    @Positive Integer maxListedErrors,
    @Positive Integer launchPageSize,
    @Positive Integer launchWorkers) {

    public static final URI DEFAULT_PROJECTOR_BASE_URL = URI.create("http://localhost:8082");
    public static final Duration DEFAULT_PROJECTOR_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_CAMPAIGN_RECIPIENTS = 10_000;
    public static final int DEFAULT_MAX_LISTED_ERRORS = 100;
    /** Recipients a campaign launch schedules and commits per transaction. */
    public static final int DEFAULT_LAUNCH_PAGE_SIZE = 5000;
    /** Pages a launch schedules at once, each on its own connection: one per core keeps the API and PostgreSQL busy. */
    public static final int DEFAULT_LAUNCH_WORKERS = 2;

    public ApiProperties {
        projectorBaseUrl = projectorBaseUrl == null ? DEFAULT_PROJECTOR_BASE_URL : projectorBaseUrl;
        projectorTimeout = projectorTimeout == null ? DEFAULT_PROJECTOR_TIMEOUT : projectorTimeout;
        maxCampaignRecipients = maxCampaignRecipients == null ? DEFAULT_MAX_CAMPAIGN_RECIPIENTS : maxCampaignRecipients;
        maxListedErrors = maxListedErrors == null ? DEFAULT_MAX_LISTED_ERRORS : maxListedErrors;
        launchPageSize = launchPageSize == null ? DEFAULT_LAUNCH_PAGE_SIZE : launchPageSize;
        launchWorkers = launchWorkers == null ? DEFAULT_LAUNCH_WORKERS : launchWorkers;
    }

    @Override
    public String toString() {
        return "ApiProperties[projectorBaseUrl=" + projectorBaseUrl + ", secrets hidden]";
    }
}
