package io.wascheduler.api.readmodel;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * An event the read model cannot apply (PostgreSQL briefly unreachable) is retried with growing pauses
 * for several minutes before it is logged and skipped, so a database restart loses no status. Records
 * that cannot even be decoded are skipped at once. In a batch, the listener names the record that fails
 * ({@link org.springframework.kafka.listener.BatchListenerFailedException}): the records before it keep
 * their effect and their offsets, and the retries and the skip concern that record alone.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelErrorHandling {

    static final Duration FIRST_RETRY = Duration.ofMillis(200);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    @Bean
    CommonErrorHandler readModelErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_RETRY.toMillis(), 2.0);
        backOff.setMaxInterval(LONGEST_PAUSE.toMillis());
        backOff.setMaxElapsedTime(GIVE_UP_AFTER.toMillis());
        return new DefaultErrorHandler(backOff);
    }
}
