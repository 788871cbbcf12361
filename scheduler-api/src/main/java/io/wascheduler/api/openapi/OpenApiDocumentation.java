package io.wascheduler.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.wascheduler.model.event.EventCodec;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Completes the generated document: examples for every operation and the problem+json answers each can give. */
@Configuration(proxyBeanMethods = false)
class OpenApiDocumentation {

    private static final String JSON = "application/json";
    private static final String OK = "200";
    private static final String CREATED = "201";

    @Bean
    OpenApiCustomizer examplesAndProblems() {
        return document -> {
            if (document.getComponents() == null) {
                document.setComponents(new Components());
            }
            ProblemResponses.addSchema(document);
            document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ProblemResponses.addTo(path, method, operation);
                if (method == PathItem.HttpMethod.POST) {
                    operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                        .schema(new StringSchema().maxLength(255))
                        .description("Makes a retried POST answer the first response (kept 24 h) instead of running again; "
                            + "the same key with another request is 422, while the first still runs 409"));
                }
                ApiExamples.Example example = ApiExamples.BY_OPERATION.get(method + " " + path);
                if (example != null) {
                    addExamples(operation, example);
                }
            }));
        };
    }

    private static void addExamples(Operation operation, ApiExamples.Example example) {
        if (example.request() != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().forEach((type, media) -> media.setExample(parse(example.request())));
        }
        if (CREATED.equals(example.status()) && operation.getResponses().containsKey(OK) && !operation.getResponses().containsKey(CREATED)) {
            // the generator cannot see the 201 a ResponseEntity sets at run time
            operation.getResponses().addApiResponse(CREATED, operation.getResponses().remove(OK).description("Created"));
        }
        ApiResponse success = operation.getResponses().get(example.status());
        if (success == null) {
            success = new ApiResponse().description("Success");
            operation.getResponses().addApiResponse(example.status(), success);
        }
        if (success.getContent() == null || success.getContent().isEmpty()) {
            success.setContent(new Content().addMediaType(JSON, new MediaType()));
        }
        success.getContent().forEach((type, media) -> media.setExample(parse(example.response())));
    }

    /** Plain maps and lists, which the document's own serializer writes as JSON. */
    private static Object parse(String json) {
        return EventCodec.mapper().readValue(json, Object.class);
    }
}
