package io.wascheduler.api.campaign;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** At startup, finishes the launches an earlier run left LAUNCHING (stopped or crashed part-way). */
@Component
class LaunchResumer {

    private static final Logger log = LoggerFactory.getLogger(LaunchResumer.class);

    private final LaunchRepository launches;
    private final CampaignLaunch launch;

    LaunchResumer(LaunchRepository launches, CampaignLaunch launch) {
        this.launches = launches;
        this.launch = launch;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeInBackground() {
        resumeInterrupted().subscribeOn(Schedulers.boundedElastic()).subscribe();
    }

    /** One campaign after another; a failure is logged and the next start tries again. */
    Mono<Void> resumeInterrupted() {
        return launches.interruptedLaunches()
            .concatMap(interrupted -> launch.launch(interrupted.tenantId(), interrupted.campaignId())
                .doOnSuccess(done -> log.info("Resumed the interrupted launch of campaign {}", interrupted.campaignId()))
                .onErrorResume(e -> {
                    log.warn("Could not resume the launch of campaign {}: {}", interrupted.campaignId(), e.toString());
                    return Mono.empty();
                }))
            .then();
    }
}
