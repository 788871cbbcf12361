package io.wascheduler.api.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs the purge every {@code wa.api.retention.interval}; a failed round is logged and the next one retries. */
@Component
class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final MessagePurge purge;
    private final RetentionProperties properties;
    private volatile Disposable schedule;

    RetentionJob(MessagePurge purge, RetentionProperties properties) {
        this.purge = purge;
        this.properties = properties;
    }

    @Override
    public void start() {
        schedule = Flux.interval(properties.interval(), properties.interval())
            .onBackpressureDrop()
            .concatMap(tick -> purge.purgeExpired()
                .doOnNext(purged -> {
                    if (purged > 0) {
                        log.info("Purged {} messages final for longer than {}", purged, properties.maxAge());
                    }
                })
                .onErrorResume(error -> {
                    log.warn("Message purge failed, retrying in {}: {}", properties.interval(), error.toString());
                    return Mono.empty();
                }))
            .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = schedule;
        if (current != null) {
            current.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
