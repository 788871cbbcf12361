package io.wascheduler.api.problem;

import java.util.List;
import tools.jackson.core.JacksonException;

/** Turns Jackson's location of a decoding error into the field path the client sent ({@code recipients[3].to}). */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(JacksonException exception) {
        List<JacksonException.Reference> path = exception.getPath();
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
