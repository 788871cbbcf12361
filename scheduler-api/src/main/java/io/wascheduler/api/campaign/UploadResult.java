package io.wascheduler.api.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wascheduler.api.problem.FieldError;
import java.util.List;

/** What one recipient upload added to a draft. {@code rejected} lists at most the configured number of errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UploadResult(long accepted, long duplicatesSkipped, long rejectedCount, List<FieldError> rejected) {
}
