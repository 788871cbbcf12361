package io.wascheduler.sandbox.ratelimit;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.wascheduler.sandbox.config.SandboxProperties;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    SendAdmission sendAdmission(Clock clock, SandboxProperties properties) {
        return new SendAdmission(clock, properties.pairRate().interval(), properties.pairRate().burst());
    }

    @Bean(destroyMethod = "dispose")
    Disposable idlePairSweep(SendAdmission admission, SandboxProperties properties) {
        long every = properties.pairRate().idleSweepInterval().toMillis();
        return Schedulers.parallel().schedulePeriodically(admission::forgetIdle, every, every,
                TimeUnit.MILLISECONDS);
    }
}
