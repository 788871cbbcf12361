package io.wascheduler.api.campaign;

import io.wascheduler.model.content.MessageContent;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/campaigns}: one content for every recipient, personalised by each recipient's vars. */
record CampaignRequest(
    String name, String from, MessageContent content, OffsetDateTime sendAt, Integer maxAttempts,
    List<Recipient> recipients) {

    record Recipient(String to, Map<String, String> vars) {

        Map<String, String> varsOrEmpty() {
            return vars == null ? Map.of() : vars;
        }
    }
}
