package io.wascheduler.model.event;

import java.util.Locale;

/** The statuses Meta reports in webhooks. */
public enum DeliveryStatus {
    SENT, DELIVERED, READ, FAILED;

    /** Meta's lowercase wire value ({@code "sent"}, ...), or null for a status this system does not know. */
    public static DeliveryStatus fromMeta(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "sent" -> SENT;
            case "delivered" -> DELIVERED;
            case "read" -> READ;
            case "failed" -> FAILED;
            default -> null;
        };
    }

    public String metaValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
