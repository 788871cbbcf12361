package io.wascheduler.benchmarks.webhook;

import io.wascheduler.model.event.CallbackData;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Status webhooks in Meta's shape ({@code whatsapp_business_account}, one entry, one {@code messages} change,
 * {@code statuses[]} with conversation and pricing on sent and delivered), signed as Meta signs them.
 */
public final class SignedWebhooks {

    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final String WABA_ID = "102290129340398";
    private static final String DISPLAY_NUMBER = "15550783881";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One status to report: which message (and so which callback data), its wamid and Meta's status word. */
    public record Status(CallbackData callback, String wamid, String status, String recipient) {
    }

    /** A body and the signature header value that goes with it. */
    public record Signed(byte[] body, String signature) {
    }

    private final SecretKeySpec key;

    public SignedWebhooks(String appSecret) {
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public Signed statuses(String phoneNumberId, List<Status> statuses, long epochSecond) {
        List<Map<String, Object>> reported = statuses.stream().map(status -> statusObject(status, epochSecond)).toList();
        Map<String, Object> value = Map.of("messaging_product", "whatsapp",
            "metadata", Map.of("display_phone_number", DISPLAY_NUMBER, "phone_number_id", phoneNumberId),
            "statuses", reported);
        Map<String, Object> body = Map.of("object", "whatsapp_business_account",
            "entry", List.of(Map.of("id", WABA_ID, "changes", List.of(Map.of("field", "messages", "value", value)))));
        byte[] bytes = JSON.writeValueAsBytes(body);
        return new Signed(bytes, sign(bytes));
    }

    private static Map<String, Object> statusObject(Status status, long epochSecond) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", status.wamid());
        object.put("status", status.status());
        object.put("timestamp", Long.toString(epochSecond));
        object.put("recipient_id", status.recipient());
        object.put("biz_opaque_callback_data", status.callback().encode());
        if (!"read".equals(status.status())) {
            object.put("conversation", Map.of("id", "conv-" + status.wamid().hashCode(),
                "expiration_timestamp", Long.toString(epochSecond + 86_400), "origin", Map.of("type", "marketing")));
            object.put("pricing", Map.of("billable", true, "pricing_model", "PMP", "category", "marketing",
                "type", "regular"));
        }
        return object;
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
