package io.wascheduler.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.problem.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class RecipientLinesTest {

    @Test
    void csvRowsTakeTheirVarNamesFromTheHeaderAndHonourQuotes() {
        var rows = RecipientLines.rows(Flux.just("to,name,note", "+14155550123,Ann,\"Hi, \"\"friend\"\"\"", "", "+14155550124,Bob,x"), true)
            .collectList().block();
        assertThat(rows).extracting(RecipientLines.Parsed::recipient).containsExactly(
            new CampaignRequest.Recipient("+14155550123", Map.of("name", "Ann", "note", "Hi, \"friend\"")),
            new CampaignRequest.Recipient("+14155550124", Map.of("name", "Bob", "note", "x")));
    }

    @Test
    void aCsvRowWithTheWrongNumberOfColumnsIsAnErrorNamingTheRow() {
        var rows = RecipientLines.rows(Flux.just("to,name", "+14155550123,Ann", "+14155550124"), true).collectList().block();
        assertThat(rows.get(1).error().field()).isEqualTo("recipients[1]");
    }

    @Test
    void aCsvHeaderMustStartWithTo() {
        StepVerifier.create(RecipientLines.rows(Flux.just("phone,name", "+14155550123,Ann"), true))
            .expectError(InvalidRequestException.class).verify();
    }

    @Test
    void ndjsonRowsAreObjectsWithToAndVars() {
        var rows = RecipientLines.rows(Flux.just("{\"to\":\"+14155550123\",\"vars\":{\"name\":\"Ann\"}}", "not json",
            "{\"to\":\"+1\",\"phone\":\"x\"}"), false).collectList().block();
        assertThat(rows.getFirst().recipient()).isEqualTo(new CampaignRequest.Recipient("+14155550123", Map.of("name", "Ann")));
        assertThat(rows.subList(1, 3)).extracting(r -> r.error().field()).isEqualTo(List.of("recipients[1]", "recipients[2]"));
    }
}
