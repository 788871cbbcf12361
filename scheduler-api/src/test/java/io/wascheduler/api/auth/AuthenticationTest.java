package io.wascheduler.api.auth;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AuthenticationTest extends IntegrationTest {

    @Test
    void aCallWithoutAnApiKeyIsUnauthorizedWithAProblemDocument() {
        web.get().uri("/v1/senders").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").isEqualTo("Unauthorized")
            .jsonPath("$.type").exists().jsonPath("$.detail").exists();
    }

    @Test
    void aCallWithAnUnknownApiKeyIsUnauthorized() {
        web.get().uri("/v1/senders").header("Authorization", "Bearer wak_not-a-key").exchange()
            .expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.detail").isEqualTo("Unknown API key");
    }

    @Test
    void creatingATenantNeedsTheAdminToken() {
        web.post().uri("/admin/v1/tenants").header("Authorization", "Bearer " + INTERNAL_TOKEN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Acme")).exchange()
            .expectStatus().isUnauthorized();
    }

    @Test
    void aTenantsKeyDoesNotOpenTheInternalEndpoints() {
        TestTenant tenant = newTenant();
        web.get().uri("/internal/v1/senders/" + tenant.sender()).header("Authorization", "Bearer " + tenant.apiKey()).exchange()
            .expectStatus().isUnauthorized();
    }

    @Test
    void aNewTenantsKeyWorksAtOnce() {
        TestTenant tenant = newTenant();
        tenant.get("/v1/senders").expectStatus().isOk()
            .expectBody().jsonPath("$[0].phoneNumberId").isEqualTo(tenant.sender());
    }

    @Test
    void aTenantNeedsAName() {
        web.post().uri("/admin/v1/tenants").header("Authorization", "Bearer " + ADMIN_TOKEN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", " ")).exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void healthAndOpenApiAreOpen() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.r2dbc.status").isEqualTo("UP");
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.paths['/v1/messages']").exists()
            .jsonPath("$.paths['/v1/campaigns/{id}/recipients']").exists()
            .jsonPath("$.components.securitySchemes.apiKey.scheme").isEqualTo("bearer")
            .jsonPath("$.paths['/v1/messages/{id}'].get.parameters[?(@.name == '" + TenantAttribute.NAME + "')]").isEmpty();
        web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }
}
