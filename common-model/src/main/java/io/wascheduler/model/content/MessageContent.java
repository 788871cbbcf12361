package io.wascheduler.model.content;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a message says, in the shapes the Cloud API accepts. The {@code type} property names the
 * shape on the wire, exactly as in the HTTP contract.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TextContent.class, name = "text"),
    @JsonSubTypes.Type(value = TemplateContent.class, name = "template"),
    @JsonSubTypes.Type(value = MediaContent.Image.class, name = "image"),
    @JsonSubTypes.Type(value = MediaContent.Video.class, name = "video"),
    @JsonSubTypes.Type(value = MediaContent.Document.class, name = "document")
})
public sealed interface MessageContent permits TextContent, TemplateContent, MediaContent {

    /** The Cloud API's name for this shape ({@code text}, {@code template}, {@code image}, ...). */
    String type();
}
