package io.wascheduler.projector.query;

import io.wascheduler.projector.ProjectorProperties;
import io.wascheduler.projector.topology.ProjectorStreams;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

    /** What a 503 tells the caller to wait. */
    record RetryAfter(Duration value) {
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KeyOwnerRouter keyOwnerRouter(ProjectorStreams streams, ProjectorProperties properties) {
        return new KeyOwnerRouter(streams, WebClient.create(), properties.queryTimeout());
    }

    @Bean
    CampaignProgressQuery campaignProgressQuery(KeyOwnerRouter router, Clock clock, ProjectorProperties properties) {
        return new CampaignProgressQuery(router, clock, properties.rateWindow(), properties.streamPollInterval());
    }

    @Bean
    MessageQuery messageQuery(KeyOwnerRouter router) {
        return new MessageQuery(router);
    }

    @Bean
    RetryAfter retryAfter(ProjectorProperties properties) {
        return new RetryAfter(properties.retryAfter());
    }
}
