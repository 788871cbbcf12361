package io.wascheduler.sandbox.send;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {

    private final MessageIds ids = new MessageIds();

    @Test
    void aWamidIsBase64OfMetasFramingAroundTheRecipientDigits() {
        String wamid = ids.newWamid("12015550123");
        assertThat(wamid).startsWith("wamid.HBgL");
        String decoded = new String(Base64.getDecoder().decode(wamid.substring(6)), StandardCharsets.ISO_8859_1);
        assertThat(decoded).contains("12015550123");
    }

    @Test
    void wamidsNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ids.newWamid("31612345678"))).isTrue();
        }
    }
}
