package io.wascheduler.api.campaign;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list; {@code nextCursor} is null on the last page. */
record Page<T>(List<T> items, String nextCursor) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** {@code fetched} holds up to limit + 1 rows: the extra one only tells that another page exists. */
    static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> idOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), encode(idOf.apply(items.getLast())));
    }

    static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    /** The id after which the next page starts, or null for the first page; throws on a cursor we did not make. */
    static String decode(String cursor) {
        return cursor == null || cursor.isBlank() ? null
            : new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    }
}
