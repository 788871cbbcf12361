package io.wascheduler.dispatcher.ladder;

import io.wascheduler.dispatcher.command.CommandFields;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a command into the first attempt of its message. Only MessageScheduled enters the ladder; a
 * cancellation needs no record of its own, because the release step consults the latest command. A
 * message due now or in the past enters all the same and is released at once: nothing is "outdated".
 */
@Component
class CommandIntake {

    private static final Logger log = LoggerFactory.getLogger(CommandIntake.class);

    Optional<LadderRecord> read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        CommandFields command;
        try {
            command = CommandFields.read(record.value());
        } catch (RuntimeException e) {
            log.warn("Skipping undecodable command at {}-{}@{}: {}", record.topic(), record.partition(),
                record.offset(), e.getMessage());
            return Optional.empty();
        }
        if (!command.schedules()) {
            return Optional.empty();
        }
        if (command.messageId() == null || command.senderId() == null || command.sendAt() == null) {
            // a record that can never be routed must not stop the stage behind it
            log.warn("Skipping MessageScheduled without message id, sender or sendAt at {}-{}@{}", record.topic(),
                record.partition(), record.offset());
            return Optional.empty();
        }
        return Optional.of(LadderRecord.firstAttempt(command, record.value()));
    }
}
