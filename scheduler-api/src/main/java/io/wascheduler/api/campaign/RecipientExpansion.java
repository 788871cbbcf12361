package io.wascheduler.api.campaign;

import io.wascheduler.api.message.MessageRules;
import io.wascheduler.api.problem.FieldError;
import io.wascheduler.model.content.MessageContent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a campaign's recipient rows into personalised messages: every row is checked (its number, its
 * placeholders, its personalised content) and reported with its first error, so that one error names one
 * bad row; a number seen before is skipped so it is sent once.
 */
final class RecipientExpansion {

    /** One message to create: the recipient and the content made for them. */
    record Personalized(String to, MessageContent content) {
    }

    /** The accepted messages in row order and every rejected row's errors. */
    record Result(List<Personalized> accepted, List<FieldError> rejected, int rejectedRows, int duplicates) {
    }

    private RecipientExpansion() {
    }

    static Result expand(MessageRules rules, MessageContent content, List<CampaignRequest.Recipient> recipients) {
        List<Personalized> accepted = new ArrayList<>();
        List<FieldError> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (int i = 0; i < recipients.size(); i++) {
            CampaignRequest.Recipient recipient = recipients.get(i);
            Optional<FieldError> error = firstError(rules, content, recipient, i);
            if (error.isPresent()) {
                rejected.add(error.get());
            } else if (seen.add(recipient.to())) {
                accepted.add(new Personalized(recipient.to(), Personalizer.personalize(content, recipient.varsOrEmpty(), new TreeSet<>())));
            } else {
                duplicates++;
            }
        }
        return new Result(accepted, rejected, rejected.size(), duplicates);
    }

    /** What is wrong with row {@code index} (its number, a missing var, its personalised content), if anything. */
    static Optional<FieldError> firstError(MessageRules rules, MessageContent content, CampaignRequest.Recipient recipient, int index) {
        String row = "recipients[" + index + "]";
        if (recipient == null) {
            return Optional.of(new FieldError(row, "must not be null"));
        }
        List<FieldError> errors = rules.checkRecipient(row + ".to", recipient.to());
        if (!errors.isEmpty()) {
            return Optional.of(errors.getFirst());
        }
        Set<String> missing = new TreeSet<>();
        MessageContent personalized = Personalizer.personalize(content, recipient.varsOrEmpty(), missing);
        if (!missing.isEmpty()) {
            return Optional.of(new FieldError(row + ".vars", "no value for " + String.join(", ", missing)));
        }
        return rules.checkContent(row + ".content", personalized).stream().findFirst();
    }
}
