package io.wascheduler.model.content;

import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.databind.JsonNode;

/**
 * A pre-approved template. {@code components} is kept as JSON so it reaches Meta unchanged, whatever
 * component kinds Meta adds.
 */
public record TemplateContent(String name, String language, JsonNode components) implements MessageContent {

    @Override
    @JsonIgnore
    public String type() {
        return "template";
    }
}
