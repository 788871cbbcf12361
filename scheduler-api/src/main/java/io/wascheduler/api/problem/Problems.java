package io.wascheduler.api.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem documents; {@code type} names the kind of problem under one URI space. */
public final class Problems {

    private static final String TYPE_BASE = "https://wa-scheduler.io/problems/";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail validation(String detail, List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * Writes {@code problem} as the response from a {@code WebFilter}, where no controller advice runs: the same
     * document a controller's problem gets, its properties ({@code errors}) flattened, the request path as instance.
     */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, JsonMapper json) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", problem.getType().toString());
        document.put("title", problem.getTitle());
        document.put("status", problem.getStatus());
        document.put("detail", problem.getDetail());
        document.put("instance", exchange.getRequest().getPath().value());
        if (problem.getProperties() != null) {
            document.putAll(problem.getProperties());
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
