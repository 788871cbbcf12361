package io.wascheduler.sandbox.magic;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts tries per message (its {@code biz_opaque_callback_data}, or its body when it has none) for the
 * recipients whose answer changes with the attempt. A message is forgotten once it is accepted, so a later
 * run that sends the same message again sees the same sequence.
 */
@Component
public class MagicAttempts {

    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    /** A message is known by its callback data; without any, by its exact body. */
    public static String messageKey(String phoneNumberId, String bizOpaqueCallbackData, byte[] body) {
        if (bizOpaqueCallbackData != null) {
            return phoneNumberId + "|cb|" + bizOpaqueCallbackData;
        }
        try {
            return phoneNumberId + "|body|"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Records one more try and returns its number, 1 for the first. */
    public int recordAttempt(String messageKey) {
        return attempts.merge(messageKey, 1, Integer::sum);
    }

    public void forget(String messageKey) {
        attempts.remove(messageKey);
    }
}
