package io.wascheduler.api.tenant;

import io.wascheduler.api.problem.InvalidRequestException;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The operator's door: creates tenants and hands out their first API key, once. */
@RestController
@RequestMapping("/admin/v1/tenants")
class TenantController {

    static final int MAX_NAME_LENGTH = 200;

    private final TenantService tenants;

    TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    record CreateTenantRequest(String name) {
    }

    record TenantCreated(String tenantId, String apiKey) {
    }

    @PostMapping
    Mono<ResponseEntity<TenantCreated>> create(@RequestBody CreateTenantRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            return Mono.error(new InvalidRequestException("name", "must not be blank"));
        }
        if (request.name().length() > MAX_NAME_LENGTH) {
            return Mono.error(new InvalidRequestException("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        return tenants.create(request.name().strip())
            .map(created -> ResponseEntity.created(URI.create("/admin/v1/tenants/" + created.tenantId()))
                .body(new TenantCreated(created.tenantId(), created.apiKey())));
    }
}
