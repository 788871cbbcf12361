package io.wascheduler.model.event;

import java.util.Optional;

/**
 * What we put in Meta's {@code biz_opaque_callback_data} so that every webhook names its message
 * directly: message id, version and campaign id ({@code -} when none). Meta echoes at most 512
 * characters; our ids are far shorter.
 */
public record CallbackData(String messageId, long version, String campaignId) {

    private static final String PREFIX = "wa1";
    private static final String SEPARATOR = "|";
    private static final String NO_CAMPAIGN = "-";

    public String encode() {
        return String.join(SEPARATOR, PREFIX, messageId, Long.toString(version),
            campaignId == null ? NO_CAMPAIGN : campaignId);
    }

    /** Empty for null, blank or foreign data (a message sent by another system on the same number). */
    public static Optional<CallbackData> decode(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        String[] parts = encoded.split("\\|", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0]) || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            long version = Long.parseLong(parts[2]);
            return Optional.of(new CallbackData(parts[1], version, NO_CAMPAIGN.equals(parts[3]) ? null : parts[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
