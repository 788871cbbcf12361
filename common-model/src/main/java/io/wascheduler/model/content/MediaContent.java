package io.wascheduler.model.content;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Media sent by link: Meta fetches the file itself. */
public sealed interface MediaContent extends MessageContent {

    String link();

    String caption();

    record Image(String link, String caption) implements MediaContent {
        @Override
        @JsonIgnore
        public String type() {
            return "image";
        }
    }

    record Video(String link, String caption) implements MediaContent {
        @Override
        @JsonIgnore
        public String type() {
            return "video";
        }
    }

    record Document(String link, String caption, String filename) implements MediaContent {
        @Override
        @JsonIgnore
        public String type() {
            return "document";
        }
    }
}
