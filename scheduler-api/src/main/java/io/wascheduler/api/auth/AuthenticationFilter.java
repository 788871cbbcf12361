package io.wascheduler.api.auth;

import io.wascheduler.api.ApiProperties;
import io.wascheduler.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three doors: {@code /v1} takes a tenant's API key, {@code /admin} the operator's token and
 * {@code /internal} the service-to-service token. Anything else (actuator, OpenAPI) is open.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthenticationFilter implements WebFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeyRepository apiKeys;
    private final ApiProperties properties;
    private final JsonMapper json;

    AuthenticationFilter(ApiKeyRepository apiKeys, ApiProperties properties, JsonMapper json) {
        this.apiKeys = apiKeys;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        String token = bearerToken(exchange);
        if (path.startsWith("/v1/")) {
            if (token == null) {
                return unauthorized(exchange, "A tenant API key is required");
            }
            return apiKeys.tenantOf(token)
                .flatMap(tenantId -> {
                    exchange.getAttributes().put(TenantAttribute.NAME, tenantId);
                    return chain.filter(exchange).then(Mono.just(true));
                })
                .switchIfEmpty(Mono.defer(() -> unauthorized(exchange, "Unknown API key").then(Mono.just(true))))
                .then();
        }
        if (path.startsWith("/admin/")) {
            return matches(token, properties.adminToken()) ? chain.filter(exchange)
                : unauthorized(exchange, "The operator's admin token is required");
        }
        if (path.startsWith("/internal/")) {
            return matches(token, properties.internalToken()) ? chain.filter(exchange)
                : unauthorized(exchange, "The internal service token is required");
        }
        return chain.filter(exchange);
    }

    private static boolean matches(String token, String expected) {
        return token != null && ApiKeys.sameSecret(token, expected);
    }

    private static String bearerToken(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return Problems.write(exchange, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail), json);
    }
}
