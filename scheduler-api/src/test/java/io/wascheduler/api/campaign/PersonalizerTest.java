package io.wascheduler.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.content.MediaContent;
import io.wascheduler.model.content.TemplateContent;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.EventCodec;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PersonalizerTest {

    @Test
    void placeholdersInTextAreFilledFromTheRecipientsVars() {
        Set<String> missing = new TreeSet<>();
        var content = Personalizer.personalize(new TextContent("Hi {{name}}, your code is {{ code }}.", true),
            Map.of("name", "Ann", "code", "$42\\"), missing);
        assertThat(content).isEqualTo(new TextContent("Hi Ann, your code is $42\\.", true));
        assertThat(missing).isEmpty();
    }

    @Test
    void everyStringOfATemplatesComponentsIsFilled() {
        var components = EventCodec.mapper().readTree("""
            [{"type":"header","parameters":[{"type":"text","text":"{{city}}"}]},
             {"type":"body","parameters":[{"type":"text","text":"{{name}}"},{"type":"currency","amount_1000":100}]}]""");
        var content = Personalizer.personalize(new TemplateContent("sale", "en_US", components),
            Map.of("name", "Ann", "city", "Oslo"), new TreeSet<>());
        assertThat(((TemplateContent) content).components()).isEqualTo(EventCodec.mapper().readTree("""
            [{"type":"header","parameters":[{"type":"text","text":"Oslo"}]},
             {"type":"body","parameters":[{"type":"text","text":"Ann"},{"type":"currency","amount_1000":100}]}]"""));
    }

    @Test
    void aPlaceholderWithoutAValueIsReportedAndLeftAsItIs() {
        Set<String> missing = new TreeSet<>();
        var content = Personalizer.personalize(new MediaContent.Document("https://x.io/a.pdf", "For {{name}}", "{{file}}.pdf"),
            Map.of(), missing);
        assertThat(missing).containsExactly("file", "name");
        assertThat(content).isEqualTo(new MediaContent.Document("https://x.io/a.pdf", "For {{name}}", "{{file}}.pdf"));
    }
}
