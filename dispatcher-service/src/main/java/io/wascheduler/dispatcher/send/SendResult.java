package io.wascheduler.dispatcher.send;

import io.wascheduler.model.event.MetaError;

/** How one Cloud API request ended. */
sealed interface SendResult {

    record Accepted(String wamid) implements SendResult {
    }

    record Rejected(MetaError error) implements SendResult {
    }
}
