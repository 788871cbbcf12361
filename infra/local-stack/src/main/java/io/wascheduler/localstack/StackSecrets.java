package io.wascheduler.localstack;

import io.wascheduler.localstack.state.PrivateFile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The secrets one local stack runs with, generated once and kept in its state folder so that a restart
 * reuses them: the data encrypted or hashed with them stays readable. {@link #toString()} hides them.
 */
public record StackSecrets(
    String adminToken, String internalToken, String tokenEncryptionKey, String appSecret, String verifyToken,
    String postgresPassword, String demoAccessToken) {

    private static final int TOKEN_BYTES = 24;
    /** AES-256 wants 32 bytes; scheduler-api reads the key as base64. */
    private static final int ENCRYPTION_KEY_BYTES = 32;

    public static StackSecrets loadOrCreate(Path file, SecureRandom random) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            StackSecrets secrets = generate(random);
            secrets.write(file);
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    static StackSecrets generate(SecureRandom random) {
        return new StackSecrets(token(random, TOKEN_BYTES), token(random, TOKEN_BYTES),
            Base64.getEncoder().encodeToString(bytes(random, ENCRYPTION_KEY_BYTES)), token(random, TOKEN_BYTES),
            token(random, TOKEN_BYTES), token(random, TOKEN_BYTES), token(random, TOKEN_BYTES));
    }

    private static StackSecrets read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new StackSecrets(required(properties, "admin-token", file), required(properties, "internal-token", file),
            required(properties, "token-encryption-key", file), required(properties, "app-secret", file),
            required(properties, "verify-token", file), required(properties, "postgres-password", file),
            required(properties, "demo-access-token", file));
    }

    private void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("admin-token", adminToken);
        properties.setProperty("internal-token", internalToken);
        properties.setProperty("token-encryption-key", tokenEncryptionKey);
        properties.setProperty("app-secret", appSecret);
        properties.setProperty("verify-token", verifyToken);
        properties.setProperty("postgres-password", postgresPassword);
        properties.setProperty("demo-access-token", demoAccessToken);
        StringWriter text = new StringWriter();
        properties.store(text, "Generated once by the local stack; delete the whole folder (./dev up --fresh) to reset");
        PrivateFile.write(file, text.toString());
    }

    private static String required(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                file + " has no " + key + "; delete the state folder (./dev up --fresh) to regenerate it");
        }
        return value;
    }

    private static String token(SecureRandom random, int length) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random, length));
    }

    private static byte[] bytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "StackSecrets[hidden]";
    }
}
