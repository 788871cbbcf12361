package io.wascheduler.api.sender;

import io.wascheduler.api.ApiProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts sender access tokens at rest with AES-256-GCM. Each ciphertext is a fresh 12-byte nonce
 * followed by the sealed token; the phone-number id is bound as associated data, so a ciphertext copied
 * onto another sender's row does not decrypt.
 */
@Component
public class TokenCipher {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    TokenCipher(ApiProperties properties) {
        this(Base64.getDecoder().decode(properties.tokenEncryptionKey()));
    }

    TokenCipher(byte[] keyBytes) {
        if (keyBytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("wa.api.token-encryption-key must be the base64 of exactly 32 bytes");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    /** Also used for other secrets at rest (responses kept for Idempotency-Key replays), bound to their own id. */
    public byte[] encrypt(String token, String phoneNumberId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(phoneNumberId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String decrypt(byte[] stored, String phoneNumberId) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(stored, NONCE_BYTES)));
            cipher.updateAAD(phoneNumberId.getBytes(StandardCharsets.UTF_8));
            byte[] token = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(token, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored access token does not decrypt with the configured key", e);
        }
    }
}
