package io.wascheduler.dispatcher.send;

import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.EventsProducer;
import io.wascheduler.dispatcher.errors.Backoff;
import io.wascheduler.dispatcher.errors.RetryPolicy;
import io.wascheduler.dispatcher.ladder.LadderEntrance;
import io.wascheduler.dispatcher.outcome.OutcomePublisher;
import io.wascheduler.dispatcher.sender.CredentialsClient;
import io.wascheduler.dispatcher.sender.SenderDirectory;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the send loop's collaborators from the configuration. */
@Configuration(proxyBeanMethods = false)
class SendConfiguration {

    @Bean
    RetryPolicy retryPolicy(DispatcherProperties properties, Clock clock) {
        DispatcherProperties.Retry retry = properties.retry();
        Backoff backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff(), retry.multiplier(), retry.jitter(),
            RandomGenerator.getDefault());
        return new RetryPolicy(backoff, retry.reEngagementDelay(), properties.sending().pairRateInterval(),
            properties.sending().pausedSenderRecheck(), properties.sending().answerCheckDelay(), clock);
    }

    @Bean
    SendLoop.Collaborators sendCollaborators(CloudApiClient api, CredentialsClient credentials,
                                             SenderDirectory directory, OutcomePublisher outcomes,
                                             LadderEntrance entrance, EventsProducer events, AttemptResults results,
                                             OutcomeHistory history, SendMetrics metrics,
                                             DeliveryConfirmations confirmations) {
        return new SendLoop.Collaborators(api, credentials, directory, outcomes, entrance, events, results, history,
            metrics, confirmations);
    }
}
