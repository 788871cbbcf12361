package io.wascheduler.model.content;

import com.fasterxml.jackson.annotation.JsonIgnore;

public record TextContent(String text, boolean previewUrl) implements MessageContent {

    public static final int MAX_LENGTH = 4096;

    @Override
    @JsonIgnore
    public String type() {
        return "text";
    }
}
