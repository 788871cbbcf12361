package io.wascheduler.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.message.MessageRules;
import io.wascheduler.api.problem.FieldError;
import io.wascheduler.model.content.TextContent;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipientExpansionTest {

    private final MessageRules rules = new MessageRules(Clock.systemUTC());

    @Test
    void eachRecipientGetsItsOwnPersonalisedContent() {
        var result = RecipientExpansion.expand(rules, new TextContent("Hi {{name}}", false), List.of(
            new CampaignRequest.Recipient("+14155550123", Map.of("name", "Ann")),
            new CampaignRequest.Recipient("+442071838750", Map.of("name", "Bob"))));
        assertThat(result.accepted()).containsExactly(
            new RecipientExpansion.Personalized("+14155550123", new TextContent("Hi Ann", false)),
            new RecipientExpansion.Personalized("+442071838750", new TextContent("Hi Bob", false)));
        assertThat(result.rejected()).isEmpty();
    }

    @Test
    void aRecipientListedTwiceIsSentOnce() {
        var result = RecipientExpansion.expand(rules, new TextContent("Hi", false), List.of(
            new CampaignRequest.Recipient("+14155550123", null), new CampaignRequest.Recipient("+14155550123", null)));
        assertThat(result.accepted()).hasSize(1);
        assertThat(result.duplicates()).isEqualTo(1);
    }

    @Test
    void everyBadRowIsReportedWithItsIndex() {
        var result = RecipientExpansion.expand(rules, new TextContent("Hi {{name}}", false), Arrays.asList(
            new CampaignRequest.Recipient("+14155550123", Map.of("name", "Ann")),
            new CampaignRequest.Recipient("12", Map.of("name", "Bob")),
            new CampaignRequest.Recipient("+14155550124", Map.of()),
            new CampaignRequest.Recipient("+14155550125", Map.of("name", "x".repeat(4096))),
            null));
        assertThat(result.rejected()).extracting(FieldError::field)
            .containsExactly("recipients[1].to", "recipients[2].vars", "recipients[3].content.text", "recipients[4]");
        assertThat(result.rejectedRows()).isEqualTo(4);
        assertThat(result.accepted()).extracting(RecipientExpansion.Personalized::to).containsExactly("+14155550123");
    }
}
