package io.wascheduler.sandbox.magic;

import io.wascheduler.sandbox.config.SandboxProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MagicConfiguration {

    @Bean
    MagicRules magicRules(SandboxProperties properties) {
        return new MagicRules(properties.magic().serverErrorAttempts(), properties.magic().timeoutAttempts());
    }
}
