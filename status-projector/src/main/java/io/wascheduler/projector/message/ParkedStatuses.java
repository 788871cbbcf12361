package io.wascheduler.projector.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Status events (each in EventCodec JSON) waiting since {@code parkedAt} for their wamid's dispatch outcome. */
public record ParkedStatuses(Instant parkedAt, List<String> events) {

    public ParkedStatuses {
        events = List.copyOf(events);
    }

    ParkedStatuses with(String event) {
        List<String> more = new ArrayList<>(events);
        more.add(event);
        return new ParkedStatuses(parkedAt, more);
    }
}
