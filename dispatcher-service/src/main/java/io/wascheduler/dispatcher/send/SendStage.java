package io.wascheduler.dispatcher.send;

import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.KafkaClients;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the send loop on its own thread for as long as the application runs. */
@Component
class SendStage implements SmartLifecycle {

    private static final int MAX_POLL_RECORDS = 500;

    private final SendLoop loop;
    private Thread thread;
    private volatile boolean running;

    SendStage(KafkaClients kafka, SendLoop.Collaborators collaborators, DispatcherProperties properties, Clock clock) {
        // paused only for backpressure, when a backlog is queued anyway: nothing waits on a resume
        this.loop = new SendLoop(kafka.consumer("wa-dispatcher-send", MAX_POLL_RECORDS, KafkaClients.STEADY_FETCH_WAIT),
            collaborators, properties, clock);
    }

    @Override
    public void start() {
        thread = Thread.ofPlatform().daemon(true).name("wa-send").start(loop);
        running = true;
    }

    @Override
    public void stop() {
        loop.stop();
        try {
            thread.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
