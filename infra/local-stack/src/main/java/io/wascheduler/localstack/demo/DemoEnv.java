package io.wascheduler.localstack.demo;

import io.wascheduler.localstack.state.PrivateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a script needs to use the local stack, kept in {@code .local-stack/demo.env} as {@code KEY=value}
 * lines (the keys API.md names), so that the shell can source it.
 */
public record DemoEnv(String apiKey, String adminToken, String sender, String appSecret, String verifyToken) {

    public static Optional<DemoEnv> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (equals > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String apiKey = values.get("API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new DemoEnv(apiKey, values.get("ADMIN_TOKEN"), values.get("SENDER"), values.get("APP_SECRET"),
            values.get("VERIFY_TOKEN")));
    }

    public String toFileText() {
        return "API_KEY=" + apiKey + "\n"
            + "ADMIN_TOKEN=" + adminToken + "\n"
            + "SENDER=" + sender + "\n"
            + "APP_SECRET=" + appSecret + "\n"
            + "VERIFY_TOKEN=" + verifyToken + "\n";
    }

    /** Replaces the file; it holds secrets, so only its owner can read it. */
    public void write(Path file) {
        PrivateFile.write(file, toFileText());
    }

    @Override
    public String toString() {
        return "DemoEnv[sender=" + sender + ", secrets hidden]";
    }
}
