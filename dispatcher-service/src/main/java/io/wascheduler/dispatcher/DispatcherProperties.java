package io.wascheduler.dispatcher;

import io.wascheduler.model.topic.Topics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the dispatcher can be tuned with ({@code wa.dispatcher.*}); every default is defined here
 * and nowhere else.
 *
 * @param tiers           spans of the delay ladder, ascending; the smallest is also the release horizon
 * @param instanceId      stable per instance: names the transactional producers so a restart fences its zombie
 * @param stateDir        where the RocksDB copy of the latest command per message lives
 * @param maxPendingReleases bound on records held in the in-memory release timers of one stage
 * @param maxPollWait     longest idle poll of a stage
 * @param projectorBaseUrl where the status-projector answers what Meta's webhooks said of a message
 * @param pausedCampaignRecheck how long a due message of a paused campaign waits before it is looked at again
 * @param commandGrace    how long after a record's instant a cancel or edit appended to Kafka still wins; every
 *                        release waits this long at least (a produce round trip on a busy broker)
 * @param maxKeptCommands commands the release check keeps in memory while the global table has not shown
 *                        them yet; reading stops above this (releases wait) so memory stays bounded (about
 *                        150 bytes each); a burst of commands published at once outruns the global table by
 *                        hundreds of thousands, and every release due meanwhile waits while the tail is stopped
 * @param transactionLinger how long a stage keeps its transaction open to gather the moves and releases of
 *                        the following passes into the same commit: each commit costs the broker several
 *                        requests and a marker per partition, whatever it carries; every move and release
 *                        becomes visible up to this much later
 */
@Validated
@ConfigurationProperties("wa.dispatcher")
public record DispatcherProperties(
    @NotEmpty List<Duration> tiers,
    @NotNull URI cloudApiBaseUrl,
    @NotBlank String cloudApiVersion,
    @NotNull URI schedulerApiBaseUrl,
    @NotNull URI projectorBaseUrl,
    @NotBlank String internalToken,
    @NotBlank String instanceId,
    @NotNull Path stateDir,
    @Min(1) int maxPendingReleases,
    @NotNull Duration maxPollWait,
    @NotNull Duration pausedCampaignRecheck,
    @NotNull Duration commandGrace,
    @Min(1) int maxKeptCommands,
    @NotNull Duration transactionLinger,
    @Valid @NotNull Sending sending,
    @Valid @NotNull Retry retry) {

    public DispatcherProperties {
        tiers = tiers == null || tiers.isEmpty() ? Topics.DEFAULT_DELAY_LADDER : List.copyOf(tiers);
        cloudApiBaseUrl = cloudApiBaseUrl == null ? URI.create("http://localhost:8090") : cloudApiBaseUrl;
        cloudApiVersion = cloudApiVersion == null ? "v23.0" : cloudApiVersion;
        schedulerApiBaseUrl = schedulerApiBaseUrl == null ? URI.create("http://localhost:8080") : schedulerApiBaseUrl;
        projectorBaseUrl = projectorBaseUrl == null ? URI.create("http://localhost:8082") : projectorBaseUrl;
        instanceId = instanceId == null || instanceId.isBlank() ? HostName.current() : instanceId;
        stateDir = stateDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "wa-dispatcher", instanceId) : stateDir;
        maxPendingReleases = maxPendingReleases == 0 ? 200_000 : maxPendingReleases;
        maxPollWait = maxPollWait == null ? Duration.ofMillis(100) : maxPollWait;
        pausedCampaignRecheck = pausedCampaignRecheck == null ? Duration.ofSeconds(30) : pausedCampaignRecheck;
        commandGrace = commandGrace == null ? Duration.ofMillis(25) : commandGrace;
        maxKeptCommands = maxKeptCommands == 0 ? 500_000 : maxKeptCommands;
        transactionLinger = transactionLinger == null ? Duration.ofMillis(10) : transactionLinger;
        sending = sending == null ? new Sending(0, 0, null, null, 0, null, null, null, null, null, null) : sending;
        retry = retry == null ? new Retry(null, null, null, null, null) : retry;
    }

    /** The smallest span: records due sooner than this wait in an in-memory timer instead of a tier. */
    public Duration releaseHorizon() {
        return tiers.stream().min(Duration::compareTo).orElseThrow();
    }

    /**
     * @param defaultThroughputMps a sender's rate until its configuration says otherwise (Meta's default)
     * @param maxInFlight          Cloud API requests outstanding at once, all senders together
     * @param requestTimeout       a request unanswered this long counts as a retryable failure
     * @param laneWork             how much sending a sender's lane queues in memory, as time at the sender's current
     *                             rate (2 s: 1,000 messages at 500/s, 160 at 80/s); beyond that they go back to the
     *                             ladder. As time rather than a count, so that every sender's lane fills at the same
     *                             point and the overall bound below does not pause the senders with empty lanes
     *                             while others hold more than they can send in seconds
     * @param maxQueued            messages queued in memory over all senders; beyond that consumption pauses
     * @param pairRateInterval     Meta's pair rate: one message per this interval to one recipient
     * @param credentialsTtl       how long a sender's access token is cached
     * @param pausedSenderRecheck  how long a message of a paused sender waits before it is looked at again
     * @param dedupeLookback       how far back the attempts already made are read at start, against re-sends
     * @param answerCheckDelay     after a request that got no answer, how long to wait before asking the
     *                             status-projector whether Meta's webhooks showed the message, and only then
     *                             sending again (long enough for Meta's "sent" webhook to arrive)
     * @param eventsLinger         how long the producer of outcomes, sender status and re-entries into the ladder
     *                             waits to fill a batch: fewer produce requests; it is flushed before every
     *                             offset commit of the send loop all the same
     */
    public record Sending(
        @Min(1) @Max(1000) int defaultThroughputMps,
        @Min(1) int maxInFlight,
        @NotNull Duration requestTimeout,
        @NotNull Duration laneWork,
        @Min(1) int maxQueued,
        @NotNull Duration pairRateInterval,
        @NotNull Duration credentialsTtl,
        @NotNull Duration pausedSenderRecheck,
        @NotNull Duration dedupeLookback,
        @NotNull Duration answerCheckDelay,
        @NotNull Duration eventsLinger) {

        public Sending {
            defaultThroughputMps = defaultThroughputMps == 0 ? 80 : defaultThroughputMps;
            maxInFlight = maxInFlight == 0 ? 256 : maxInFlight;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
            laneWork = laneWork == null ? Duration.ofSeconds(2) : laneWork;
            maxQueued = maxQueued == 0 ? 20_000 : maxQueued;
            pairRateInterval = pairRateInterval == null ? Duration.ofSeconds(6) : pairRateInterval;
            credentialsTtl = credentialsTtl == null ? Duration.ofMinutes(5) : credentialsTtl;
            pausedSenderRecheck = pausedSenderRecheck == null ? Duration.ofMinutes(1) : pausedSenderRecheck;
            dedupeLookback = dedupeLookback == null ? Duration.ofMinutes(1) : dedupeLookback;
            answerCheckDelay = answerCheckDelay == null ? Duration.ofSeconds(30) : answerCheckDelay;
            eventsLinger = eventsLinger == null ? Duration.ofMillis(10) : eventsLinger;
        }
    }

    /**
     * @param initialBackoff  wait before the second attempt; doubled (times {@code multiplier}) per attempt
     * @param maxBackoff      cap of the exponential backoff
     * @param multiplier      growth factor of the backoff
     * @param jitter          fraction of the backoff added or removed at random, so retries do not bunch up
     * @param reEngagementDelay wait after 131049 (Meta: no sooner than 24 h)
     */
    public record Retry(
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff,
        @NotNull @DecimalMin("1.0") Double multiplier,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double jitter,
        @NotNull Duration reEngagementDelay) {

        public Retry {
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
            multiplier = multiplier == null ? 2.0 : multiplier;
            jitter = jitter == null ? 0.2 : jitter;
            reEngagementDelay = reEngagementDelay == null ? Duration.ofHours(24) : reEngagementDelay;
        }
    }
}
