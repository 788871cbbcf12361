package io.wascheduler.localstack.demo;

import io.wascheduler.localstack.process.StartupFailedException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Gives a fresh stack something to try at once: a demo tenant with its API key and a demo sender known to
 * both the Meta sandbox and scheduler-api. Idempotent across restarts: the tenant's key is shown only
 * once, so it is kept in {@code demo.env} and reused; the sandbox forgets its senders when it stops, so the
 * sender is registered there at every start.
 */
public final class DemoBootstrap {

    /** The demo sender's phone-number id, a Meta-style numeric id. */
    static final String DEMO_PHONE_NUMBER_ID = "100200300400500";
    static final String DEMO_DISPLAY_NUMBER = "+14155550100";
    static final int DEMO_THROUGHPUT_MPS = 80;
    static final String DEMO_TENANT_NAME = "demo";

    /** The secrets of the stack the demo uses; the access token is the demo sender's, stable across restarts. */
    public record StackAccess(URI schedulerApi, URI metaSandbox, String adminToken, String appSecret, String verifyToken,
                              String demoAccessToken) {
    }

    private final JsonHttp http = new JsonHttp();

    public DemoEnv run(StackAccess access, Path envFile) {
        Optional<DemoEnv> previous = DemoEnv.read(envFile);
        String apiKey = previous.map(DemoEnv::apiKey).filter(key -> isAccepted(access, key))
            .orElseGet(() -> createTenant(access));
        DemoEnv env = new DemoEnv(apiKey, access.adminToken(), DEMO_PHONE_NUMBER_ID, access.appSecret(), access.verifyToken());
        env.write(envFile);
        registerInSandbox(access);
        registerInSchedulerApi(access, apiKey);
        return env;
    }

    private boolean isAccepted(StackAccess access, String apiKey) {
        return http.get(access.schedulerApi().resolve("/v1/senders"), apiKey).status() != 401;
    }

    private String createTenant(StackAccess access) {
        JsonHttp.Response response = http.post(access.schedulerApi().resolve("/admin/v1/tenants"), access.adminToken(),
            Map.of("name", DEMO_TENANT_NAME));
        String apiKey = response.body().path("apiKey").asString("");
        if (response.status() != 201 || apiKey.isBlank()) {
            throw failure("creating the demo tenant (POST /admin/v1/tenants)", response);
        }
        return apiKey;
    }

    private void registerInSandbox(StackAccess access) {
        // Meta's webhooks show the display number as bare digits.
        JsonHttp.Response response = http.post(access.metaSandbox().resolve("/sandbox/senders"), null, Map.of(
            "phoneNumberId", DEMO_PHONE_NUMBER_ID, "accessToken", access.demoAccessToken(),
            "throughputMps", DEMO_THROUGHPUT_MPS, "displayPhoneNumber", DEMO_DISPLAY_NUMBER.substring(1)));
        if (!response.isSuccess() && response.status() != 409) {
            throw failure("registering the demo sender in the sandbox (POST /sandbox/senders)", response);
        }
    }

    private void registerInSchedulerApi(StackAccess access, String apiKey) {
        JsonHttp.Response senders = http.get(access.schedulerApi().resolve("/v1/senders"), apiKey);
        if (!senders.isSuccess()) {
            throw failure("listing the demo tenant's senders (GET /v1/senders)", senders);
        }
        boolean known = senders.body().findValues("phoneNumberId").stream()
            .anyMatch(id -> DEMO_PHONE_NUMBER_ID.equals(id.asString("")));
        if (known) {
            return;
        }
        JsonHttp.Response response = http.post(access.schedulerApi().resolve("/v1/senders"), apiKey, Map.of(
            "phoneNumberId", DEMO_PHONE_NUMBER_ID, "displayPhoneNumber", DEMO_DISPLAY_NUMBER,
            "accessToken", access.demoAccessToken(), "throughputMps", DEMO_THROUGHPUT_MPS));
        if (response.status() != 201) {
            throw failure("registering the demo sender in scheduler-api (POST /v1/senders)", response);
        }
    }

    private static StartupFailedException failure(String step, JsonHttp.Response response) {
        return new StartupFailedException("Failed " + step + ": HTTP " + response.status() + " " + response.text());
    }
}
