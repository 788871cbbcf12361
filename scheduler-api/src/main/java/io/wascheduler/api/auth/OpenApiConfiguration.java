package io.wascheduler.api.auth;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Tells the OpenAPI document (and the Swagger UI's "Authorize" button) that calls take a bearer API key. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info = @Info(title = "wa-scheduler scheduler-api", version = "v1",
        description = "Schedules WhatsApp messages and campaigns. Errors are RFC 9457 application/problem+json."),
    security = @SecurityRequirement(name = OpenApiConfiguration.API_KEY))
@SecurityScheme(name = OpenApiConfiguration.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "A tenant's API key (POST /admin/v1/tenants); the admin or internal token on /admin and /internal")
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
}
