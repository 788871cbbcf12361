package io.wascheduler.api.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private final TokenCipher cipher = new TokenCipher(new byte[32]);

    @Test
    void aTokenDecryptsToItselfAndIsNotVisibleInTheCiphertext() {
        byte[] sealed = cipher.encrypt("EAAG-secret-token", "1234");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(cipher.decrypt(sealed, "1234")).isEqualTo("EAAG-secret-token");
    }

    @Test
    void theSameTokenEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt("t", "1")).isNotEqualTo(cipher.encrypt("t", "1"));
    }

    @Test
    void aCiphertextMovedToAnotherSenderDoesNotDecrypt() {
        byte[] sealed = cipher.encrypt("token", "1234");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "9999")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new TokenCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
