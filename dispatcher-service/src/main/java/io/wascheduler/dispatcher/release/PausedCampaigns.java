package io.wascheduler.dispatcher.release;

import io.wascheduler.dispatcher.KafkaClients;
import io.wascheduler.dispatcher.TopicFollower;
import io.wascheduler.model.event.CampaignPaused;
import io.wascheduler.model.event.CampaignResumed;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.topic.Topics;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The campaigns paused right now, from CAMPAIGN_EVENTS (read whole: a few events per campaign, never per
 * message; memory holds only the ids of paused campaigns).
 */
@Component
class PausedCampaigns implements SmartLifecycle {

    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private final TopicFollower follower;
    private volatile boolean running;

    PausedCampaigns(KafkaClients kafka) {
        this.follower = new TopicFollower(Topics.CAMPAIGN_EVENTS, kafka, this::apply);
    }

    boolean isReady() {
        return follower.caughtUp();
    }

    boolean isPaused(String campaignId) {
        return campaignId != null && paused.contains(campaignId);
    }

    private void apply(EventEnvelope envelope) {
        switch (envelope.payload()) {
            case CampaignPaused pause -> paused.add(pause.campaignId());
            case CampaignResumed resume -> paused.remove(resume.campaignId());
            default -> {
            }
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

    /** Starts before the stages that ask it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
