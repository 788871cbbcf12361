package io.wascheduler.dispatcher.sender;

import io.wascheduler.dispatcher.KafkaClients;
import io.wascheduler.dispatcher.TopicFollower;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.SenderConfigured;
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
 * Every sender's configured throughput, read whole from the compacted SENDER_CONFIG topic (one small
 * entry per sender, not per message). A new configuration is also how a paused sender is resumed, so the
 * send loop takes each change from {@link #takeChanges()}.
 */
@Component
public class SenderDirectory implements SmartLifecycle {

    private final Map<String, Integer> throughputs = new ConcurrentHashMap<>();
    private final Queue<SenderConfigured> changes = new ConcurrentLinkedQueue<>();
    private final TopicFollower follower;
    private volatile boolean running;

    SenderDirectory(KafkaClients kafka) {
        this.follower = new TopicFollower(Topics.SENDER_CONFIG, kafka, this::apply);
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
        if (envelope.payload() instanceof SenderConfigured configured) {
            throughputs.put(configured.phoneNumberId(), configured.throughputMps());
            changes.add(configured);
        }
    }

    @Override
    public void start() {
        follower.start();
        running = true;
    }

    @Override
    public void stop() {
        follower.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
