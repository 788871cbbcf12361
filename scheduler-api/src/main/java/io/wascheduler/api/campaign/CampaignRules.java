package io.wascheduler.api.campaign;

import io.wascheduler.api.message.MessageRules;
import io.wascheduler.api.problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * The campaign-level rules; each recipient row is checked by {@link RecipientExpansion}. Without
 * {@code recipients} the campaign is a draft.
 */
final class CampaignRules {

    static final int MAX_NAME_LENGTH = 200;

    private CampaignRules() {
    }

    static List<FieldError> check(MessageRules rules, CampaignRequest request, int maxRecipients) {
        List<FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (request.name().length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        errors.addAll(rules.checkContent("content", request.content()));
        errors.addAll(rules.checkSendAt("sendAt", request.sendAt()));
        errors.addAll(rules.checkMaxAttempts("maxAttempts", request.maxAttempts()));
        if (request.recipients() == null) {
            return errors;
        }
        if (request.recipients().isEmpty()) {
            errors.add(new FieldError("recipients", "must list at least one recipient, or be left out to create a draft"));
        } else if (request.recipients().size() > maxRecipients) {
            errors.add(new FieldError("recipients", "must list at most " + maxRecipients + " recipients inline"));
        }
        return errors;
    }
}
