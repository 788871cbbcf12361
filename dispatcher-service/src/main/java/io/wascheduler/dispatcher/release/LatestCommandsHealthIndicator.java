package io.wascheduler.dispatcher.release;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reported as component "latestCommands": UP while the release check can read the latest commands. Down,
 * no message is released (records wait in the release timers), so this is worth an alert.
 */
@Component
class LatestCommandsHealthIndicator implements HealthIndicator {

    private final LatestCommands commands;

    LatestCommandsHealthIndicator(LatestCommands commands) {
        this.commands = commands;
    }

    @Override
    public Health health() {
        return (commands.isReady() ? Health.up() : Health.down()).withDetail("state", commands.state()).build();
    }
}
