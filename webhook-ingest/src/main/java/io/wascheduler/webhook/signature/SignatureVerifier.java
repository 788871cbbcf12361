package io.wascheduler.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Meta's {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw body keyed with the
 * app secret. The digests are compared in constant time so that response timing reveals nothing about
 * how much of a forged signature was right.
 */
public final class SignatureVerifier {

    public static final String HEADER = "X-Hub-Signature-256";

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int HEX_DIGITS = 64;

    private final SecretKeySpec key;

    public SignatureVerifier(String appSecret) {
        if (appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("the app secret must not be blank");
        }
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public SignatureCheck verify(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return SignatureCheck.MISSING;
        }
        byte[] claimed = parse(header.strip());
        if (claimed == null) {
            return SignatureCheck.MALFORMED;
        }
        return MessageDigest.isEqual(claimed, hmac(body)) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }

    /** The header value Meta sends with this body. */
    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(body));
    }

    private static byte[] parse(String header) {
        if (!header.startsWith(PREFIX) || header.length() != PREFIX.length() + HEX_DIGITS) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(header, PREFIX.length(), header.length());
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    private byte[] hmac(byte[] body) {
        try {
            // A Mac is not thread-safe and cheap to create, so each check gets its own.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is unavailable", e);
        }
    }
}
