package io.wascheduler.dispatcher.support;

import io.wascheduler.dispatcher.DispatcherApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * A dispatcher instance in the test's JVM, started like the real service (1 s / 2 s / 4 s ladder) with the
 * given instance id and state directory. It has its own reactor resources, so that closing it does not
 * dispose the global ones the in-process sandbox serves with.
 */
public final class InProcessDispatcher {

    private InProcessDispatcher() {
    }

    public static ConfigurableApplicationContext start(String brokers, String cloudApiBaseUrl, String schedulerApiBaseUrl,
                                                       String internalToken, String instanceId, Path stateDir) {
        return new SpringApplicationBuilder(DispatcherApplication.class)
            .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof ReactorResourceFactory factory) {
                        factory.setUseGlobalResources(false);
                    }
                    return bean;
                }
            }))
            .run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--wa.dispatcher.tiers=1s,2s,4s",
                "--wa.dispatcher.internal-token=" + internalToken,
                "--wa.dispatcher.cloud-api-base-url=" + cloudApiBaseUrl,
                "--wa.dispatcher.scheduler-api-base-url=" + schedulerApiBaseUrl,
                "--wa.dispatcher.instance-id=" + instanceId,
                "--wa.dispatcher.state-dir=" + stateDir,
                "--spring.jmx.enabled=false");
    }

    /** A fresh state directory for one instance. */
    public static Path newStateDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
