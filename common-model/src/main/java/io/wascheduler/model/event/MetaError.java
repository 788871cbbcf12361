package io.wascheduler.model.event;

/** An error as Meta reported it: its numeric code, title and details, kept verbatim. */
public record MetaError(int code, String title, String detail) {
}
