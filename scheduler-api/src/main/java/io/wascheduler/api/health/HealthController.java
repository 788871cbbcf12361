package io.wascheduler.api.health;

import io.wascheduler.api.auth.TenantAttribute;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class HealthController {

    private final HealthProbes probes;
    private final HealthRepository counts;
    private final Clock clock;

    HealthController(HealthProbes probes, HealthRepository counts, Clock clock) {
        this.probes = probes;
        this.counts = counts;
        this.clock = clock;
    }

    @GetMapping("/v1/health")
    Mono<HealthReport> health(@RequestAttribute(TenantAttribute.NAME) String tenantId) {
        return Mono.zip(probes.postgres(), probes.kafka()).flatMap(up -> {
            Map<String, String> components = new LinkedHashMap<>();
            components.put("kafka", up.getT2());
            components.put("postgres", up.getT1());
            if (!HealthVerdict.UP.equals(up.getT1())) {
                return Mono.just(new HealthReport("critical", components, List.of(), null, null));
            }
            Instant now = clock.instant();
            return Mono.zip(counts.senders(tenantId, now), counts.queue(tenantId, now), counts.outbox(now)).map(parts -> new HealthReport(
                HealthVerdict.overall(up.getT1(), up.getT2(), parts.getT1(), parts.getT2(), parts.getT3()),
                components, parts.getT1(), parts.getT2(), parts.getT3()));
        });
    }
}
