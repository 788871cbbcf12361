package io.wascheduler.projector.query;

import io.wascheduler.projector.topology.ProjectorStreams;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Interactive queries with routing: a key is read from the local store when this instance owns it, and
 * otherwise fetched from the owner's same endpoint. A forwarded request is never forwarded again, so a
 * key whose ownership is moving gives a 503 rather than a loop. Kafka Streams' metadata and stores are
 * read off the event loop (they may block while the projection rebalances), and a query that takes longer
 * than the query timeout is a 503 too.
 */
final class KeyOwnerRouter {

    static final String FORWARDED_HEADER = "X-Wa-Forwarded-By";
    private static final Logger log = LoggerFactory.getLogger(KeyOwnerRouter.class);

    private final ProjectorStreams streams;
    private final WebClient owners;
    private final Duration queryTimeout;

    KeyOwnerRouter(ProjectorStreams streams, WebClient owners, Duration queryTimeout) {
        this.streams = streams;
        this.owners = owners;
        this.queryTimeout = queryTimeout;
    }

    /**
     * The view of {@code key} in {@code store}; empty when unknown. {@code path} is this query's endpoint (its
     * segments), asked of the owner when it is another instance, and answering {@code type}.
     */
    <V, T> Mono<T> find(String store, String key, Function<V, T> view, List<String> path, Class<T> type,
        boolean forwarded) {
        return Mono.defer(() -> route(store, key, view, path, type, forwarded))
            .subscribeOn(Schedulers.boundedElastic())
            .timeout(queryTimeout)
            .onErrorMap(TimeoutException.class,
                late -> new ProjectionUnavailableException("No answer for " + key + " within " + queryTimeout, late));
    }

    private <V, T> Mono<T> route(String store, String key, Function<V, T> view, List<String> path, Class<T> type,
        boolean forwarded) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return Mono.error(new ProjectionUnavailableException("The projection is " + streams.state()));
        }
        KeyQueryMetadata owner = streams.ownerOf(store, key);
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            return Mono.error(new ProjectionUnavailableException("The owner of " + key + " is not known yet"));
        }
        if (owner.activeHost().equals(streams.self())) {
            return local(store, key, view);
        }
        if (forwarded) {
            return Mono.error(new ProjectionUnavailableException("The ownership of " + key + " is moving"));
        }
        return remote(owner.activeHost(), path, type);
    }

    private <V, T> Mono<T> local(String store, String key, Function<V, T> view) {
        try {
            V value = streams.localValue(store, key);
            return value == null ? Mono.empty() : Mono.just(view.apply(value));
        } catch (InvalidStateStoreException e) {
            return Mono.error(new ProjectionUnavailableException("The store " + store + " is migrating", e));
        }
    }

    private <T> Mono<T> remote(HostInfo owner, List<String> path, Class<T> type) {
        HostInfo self = streams.self();
        log.debug("Forwarding {} to its owner {}", path, owner);
        return owners.get()
            .uri(UriComponentsBuilder.newInstance().scheme("http").host(owner.host()).port(owner.port())
                .pathSegment(path.toArray(String[]::new)).build().encode().toUri())
            .header(FORWARDED_HEADER, self.host() + ":" + self.port())
            .exchangeToMono(response -> {
                if (response.statusCode().is2xxSuccessful()) {
                    return response.bodyToMono(type);
                }
                if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                    return response.releaseBody().then(Mono.<T>empty());
                }
                return response.releaseBody().then(Mono.<T>error(new ProjectionUnavailableException(
                    "The owner " + owner + " answered " + response.statusCode())));
            })
            .onErrorMap(error -> !(error instanceof ProjectionUnavailableException),
                error -> new ProjectionUnavailableException("The owner " + owner + " could not be reached", error));
    }
}
