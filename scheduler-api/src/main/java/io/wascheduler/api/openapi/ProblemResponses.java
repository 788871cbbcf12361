package io.wascheduler.api.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9457 error answers every operation can give, added to the document so clients see the
 * problem+json schema (with {@code errors[]} for validation) next to each status that applies.
 */
final class ProblemResponses {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    private ProblemResponses() {
    }

    static void addSchema(OpenAPI document) {
        Schema<?> fieldError = new ObjectSchema()
            .addProperty("field", new StringSchema().example("recipients[41].to"))
            .addProperty("message", new StringSchema().example("must be a valid E.164 phone number such as +14155550123"));
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
            .addProperty("type", new StringSchema().example("https://wa-scheduler.io/problems/validation"))
            .addProperty("title", new StringSchema().example("Invalid request"))
            .addProperty("status", new IntegerSchema().example(400))
            .addProperty("detail", new StringSchema().example("The request breaks 1 rule(s)"))
            .addProperty("instance", new StringSchema().example("/v1/messages"))
            .addProperty("errors", new ArraySchema().items(fieldError).description("validation only: one entry per broken rule"));
        document.getComponents().addSchemas(PROBLEM, problem);
    }

    /** Adds the error statuses that apply to this operation, keeping any the code already declared. */
    static void addTo(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, String> statuses = new LinkedHashMap<>();
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH || path.equals("/v1/campaigns")
            || path.endsWith("/messages")) {
            statuses.put("400", "Invalid request: `errors` names each field or row");
        }
        statuses.put("401", "Missing or wrong bearer token");
        if (path.contains("{")) {
            statuses.put("404", "No such resource for this tenant (another tenant's resource looks the same)");
        }
        if (CONFLICTS.contains(method + " " + path)) {
            statuses.put("409", "The resource's state does not allow this command (`detail` says why), "
                + "or a request with this Idempotency-Key is still running");
        } else if (method == PathItem.HttpMethod.POST) {
            statuses.put("409", "A request with this Idempotency-Key is still running");
        }
        if (method == PathItem.HttpMethod.POST) {
            statuses.put("422", "The Idempotency-Key was already used with a different request (`errors` names the header)");
        }
        statuses.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
            }
        });
        operation.setResponses(responses);
    }

    private static final List<String> CONFLICTS = List.of(
        "POST /v1/senders", "PATCH /v1/messages/{id}", "DELETE /v1/messages/{id}", "POST /v1/messages/{id}/retry",
        "POST /v1/campaigns/{id}/recipients", "POST /v1/campaigns/{id}/launch", "POST /v1/campaigns/{id}/cancel",
        "POST /v1/campaigns/{id}/retry-failed", "POST /v1/campaigns/{id}/pause", "POST /v1/campaigns/{id}/resume");
}
