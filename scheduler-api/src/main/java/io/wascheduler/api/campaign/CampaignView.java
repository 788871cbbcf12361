package io.wascheduler.api.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wascheduler.api.problem.FieldError;
import io.wascheduler.model.content.MessageContent;
import java.time.Instant;
import java.util.List;

/**
 * A campaign as the API shows it. {@code progress} is present on {@code GET /v1/campaigns/{id}};
 * {@code rejected} on a creation with {@code skipInvalid=true}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CampaignView(
    String id, String name, String from, String status, long total, MessageContent content, Instant sendAt,
    int maxAttempts, Instant createdAt, Progress progress, Integer duplicatesSkipped, Integer rejectedCount,
    List<FieldError> rejected) {

    /** With its progress (the status, {@code COMPLETED} included, is derived where the campaign is read). */
    CampaignView withProgress(Progress value) {
        return new CampaignView(id, name, from, status, total, content, sendAt, maxAttempts, createdAt, value, null, null, null);
    }

    CampaignView withOutcome(int duplicates, int rejectedRows, List<FieldError> rejectedErrors) {
        return new CampaignView(id, name, from, status, total, content, sendAt, maxAttempts, createdAt, null, duplicates,
            rejectedRows, rejectedErrors);
    }
}
