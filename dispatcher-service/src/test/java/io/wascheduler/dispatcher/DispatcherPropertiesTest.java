package io.wascheduler.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DispatcherPropertiesTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theDefaultsAreValid() {
        assertThat(validator.validate(withPacedInMemory(null))).isEmpty();
    }

    @Test
    void pacedRecordsMayWaitInMemoryAtMostHalfTheDedupeLookbackSoThatARestartRecognisesTheirReReleases() {
        assertThat(validator.validate(withPacedInMemory(Duration.ofSeconds(30)))).isEmpty();
        assertThat(validator.validate(withPacedInMemory(Duration.ofSeconds(31))))
            .extracting(ConstraintViolation::getMessage)
            .containsExactly("paced-in-memory must be at most half of sending.dedupe-lookback");
    }

    private static DispatcherProperties withPacedInMemory(Duration pacedInMemory) {
        return new DispatcherProperties(null, null, null, null, null, "internal-token", "instance-1", null, 0, null, null,
            null, 0, null, pacedInMemory, null, null);
    }
}
