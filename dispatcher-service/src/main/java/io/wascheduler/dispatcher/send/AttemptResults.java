package io.wascheduler.dispatcher.send;

import io.wascheduler.dispatcher.errors.ErrorClass;
import io.wascheduler.dispatcher.errors.MetaErrorTable;
import io.wascheduler.dispatcher.errors.RetryPolicy;
import io.wascheduler.dispatcher.ladder.LadderEntrance;
import io.wascheduler.dispatcher.outcome.OutcomePublisher;
import io.wascheduler.dispatcher.sender.CredentialsClient;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.event.SenderStatusChanged.SenderState;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the end of one attempt leads to: its outcome event, the sender's limits adjusted (AIMD, pair rate,
 * pause), and for a failure that is not final the next attempt sent back through the ladder.
 */
@Component
class AttemptResults {

    private static final Logger log = LoggerFactory.getLogger(AttemptResults.class);

    private final OutcomePublisher outcomes;
    private final LadderEntrance entrance;
    private final RetryPolicy retryPolicy;
    private final CredentialsClient credentials;
    private final SendMetrics metrics;

    AttemptResults(OutcomePublisher outcomes, LadderEntrance entrance, RetryPolicy retryPolicy,
                   CredentialsClient credentials, SendMetrics metrics) {
        this.outcomes = outcomes;
        this.entrance = entrance;
        this.retryPolicy = retryPolicy;
        this.credentials = credentials;
        this.metrics = metrics;
    }

    /** @param sentAt when the attempt counted against the recipient's pair rate */
    void record(ReadyMessage message, SenderLane lane, SendResult result, Instant sentAt) {
        switch (result) {
            case SendResult.Accepted accepted -> {
                lane.throughput().succeeded();
                outcomes.dispatched(message.envelope().tenantId(), message.message(), accepted.wamid(), message.attempt());
                metrics.sent(message.record().senderId(), "dispatched");
            }
            case SendResult.Rejected rejected -> rejected(message, lane, rejected.error(), sentAt);
        }
    }

    private void rejected(ReadyMessage message, SenderLane lane, MetaError error, Instant sentAt) {
        metrics.metaError(error.code());
        metrics.sent(message.record().senderId(), "failed");
        ErrorClass errorClass = MetaErrorTable.classify(error.code());
        adjustLimits(message, lane, errorClass, sentAt);
        if (errorClass.stopsSender()) {
            stopSender(message, lane, errorClass, error);
        }
        RetryPolicy.Next next = retryPolicy.after(errorClass, message.attempt(), message.message().maxAttempts());
        outcomes.failed(message.envelope().tenantId(), message.message(), message.attempt(), error,
            next.finalFailure() ? null : next.at());
        if (!next.finalFailure()) {
            entrance.enter(errorClass == ErrorClass.UNCONFIRMED
                ? message.record().nextAttemptAfterLostAnswer(next.attempt(), next.at())
                : message.record().nextAttempt(next.attempt(), next.at()));
        }
    }

    private static void adjustLimits(ReadyMessage message, SenderLane lane, ErrorClass errorClass, Instant sentAt) {
        String to = message.message().to();
        if (errorClass == ErrorClass.PAIR_RATE) {
            lane.pairRate().hit(to);
        } else {
            lane.pairRate().refused(to, sentAt);
        }
        if (errorClass == ErrorClass.THROTTLED) {
            lane.throughput().throttled();
        }
    }

    private void stopSender(ReadyMessage message, SenderLane lane, ErrorClass errorClass, MetaError error) {
        String senderId = message.record().senderId();
        if (errorClass == ErrorClass.SENDER_CREDENTIALS) {
            credentials.invalidate(senderId);
        }
        if (lane.pause(true)) {
            log.warn("Pausing sender {} after Meta error {} ({})", senderId, error.code(), error.title());
            outcomes.senderChanged(message.envelope().tenantId(), senderId, SenderState.PAUSED, error.title(), error);
        }
    }
}
