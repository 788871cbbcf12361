package io.wascheduler.sandbox.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.wascheduler.sandbox.send.MetaError;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A Cloud API error code the sandbox can answer with (one of {@link MetaError}); null passes. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownErrorCode.Check.class)
@interface KnownErrorCode {

    String message() default "must be a Cloud API error code the sandbox knows (100, 190, 368, 130429, 131000, "
            + "131009, 131016, 131026, 131047, 131048, 131049, 131056, 133004)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<KnownErrorCode, Integer> {
        @Override
        public boolean isValid(Integer code, ConstraintValidatorContext context) {
            return code == null || MetaError.byCode(code).isPresent();
        }
    }
}
