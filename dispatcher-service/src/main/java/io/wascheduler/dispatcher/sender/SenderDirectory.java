package io.wascheduler.dispatcher.sender;

import io.wascheduler.dispatcher.KafkaClients;
import io.wascheduler.dispatcher.TopicFollower;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.SenderConfigured;
import io.wascheduler.model.event.SenderStatusChanged;
import io.wascheduler.model.event.SenderStatusChanged.SenderState;
import io.wascheduler.model.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every sender's configured throughput and whether it is paused, read whole from the compacted SENDER_CONFIG
 * and SENDER_STATUS topics (one small entry per sender, not per message). A new configuration is also how a
 * paused sender is resumed, so the send loop takes each change from {@link #takeChanges()}; a pause reported
 * by another instance, or by this one before a restart, holds until such a configuration.
 */
@Component
public class SenderDirectory implements SmartLifecycle {

    private final Map<String, Integer> throughputs = new ConcurrentHashMap<>();
    private final Queue<SenderConfigured> changes = new ConcurrentLinkedQueue<>();
    private final SenderPauses pauses = new SenderPauses();
    private final TopicFollower configurations;
    private final TopicFollower statuses;
    private volatile boolean running;

    SenderDirectory(KafkaClients kafka) {
        this.configurations = new TopicFollower(Topics.SENDER_CONFIG, kafka, this::apply);
        this.statuses = new TopicFollower(Topics.SENDER_STATUS, kafka, this::apply);
    }

    /** Both topics read up to where they ended when the service started. */
    public boolean caughtUp() {
        return configurations.caughtUp() && statuses.caughtUp();
    }

    public boolean pausedNow(String phoneNumberId) {
        return pauses.pausedNow(phoneNumberId);
    }

    /** A configuration lifted the sender's last reported pause, and its resume has not been reported yet. */
    public boolean pauseLiftedButNotReported(String phoneNumberId) {
        return pauses.liftedButNotReported(phoneNumberId);
    }

    public OptionalInt throughputOf(String phoneNumberId) {
        Integer mps = throughputs.get(phoneNumberId);
        return mps == null ? OptionalInt.empty() : OptionalInt.of(mps);
    }

    /** The configurations received since the last call, oldest first. */
    public List<SenderConfigured> takeChanges() {
        List<SenderConfigured> taken = new ArrayList<>();
        for (SenderConfigured change = changes.poll(); change != null; change = changes.poll()) {
            taken.add(change);
        }
        return taken;
    }

    private void apply(EventEnvelope envelope) {
        switch (envelope.payload()) {
            case SenderConfigured configured -> {
                throughputs.put(configured.phoneNumberId(), configured.throughputMps());
                pauses.configured(configured.phoneNumberId(), envelope.occurredAt());
                changes.add(configured);
            }
            case SenderStatusChanged status when status.state() == SenderState.PAUSED ->
                pauses.paused(status.phoneNumberId(), envelope.occurredAt());
            case SenderStatusChanged status -> pauses.resumed(status.phoneNumberId());
            default -> {
            }
        }
    }

    @Override
    public void start() {
        configurations.start();
        statuses.start();
        running = true;
    }

    @Override
    public void stop() {
        configurations.stop();
        statuses.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
