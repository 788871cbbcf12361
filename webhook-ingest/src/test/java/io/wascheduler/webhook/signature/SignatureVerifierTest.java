package io.wascheduler.webhook.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    private static final byte[] BODY =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
    /** Computed independently: printf '%s' "$BODY" | openssl dgst -sha256 -hmac test-app-secret. */
    private static final String META_SIGNATURE =
        "sha256=c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384dc";

    private final SignatureVerifier verifier = new SignatureVerifier("test-app-secret");

    @Test
    void theSignatureMetaComputesOverTheRawBodyIsAccepted() {
        assertThat(verifier.verify(META_SIGNATURE, BODY)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void signingProducesExactlyWhatMetaSends() {
        assertThat(verifier.sign(BODY)).isEqualTo(META_SIGNATURE);
    }

    @Test
    void uppercaseHexDigitsAreAccepted() {
        String upper = "sha256=" + META_SIGNATURE.substring("sha256=".length()).toUpperCase(Locale.ROOT);

        assertThat(verifier.verify(upper, BODY)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        String otherSecret = new SignatureVerifier("another-secret").sign(BODY);

        assertThat(verifier.verify(otherSecret, BODY)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void aBodyChangedByEvenOneByteNoLongerMatches() {
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 2] = ' ';

        assertThat(verifier.verify(META_SIGNATURE, tampered)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void aMissingOrBlankHeaderIsReportedAsMissing() {
        assertThat(verifier.verify(null, BODY)).isEqualTo(SignatureCheck.MISSING);
        assertThat(verifier.verify("  ", BODY)).isEqualTo(SignatureCheck.MISSING);
    }

    @Test
    void aHeaderWithAnotherAlgorithmPrefixIsMalformed() {
        String hex = META_SIGNATURE.substring("sha256=".length());

        assertThat(verifier.verify("sha1=" + hex, BODY)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(verifier.verify(hex, BODY)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(verifier.verify("SHA256=" + hex, BODY)).isEqualTo(SignatureCheck.MALFORMED);
    }

    @Test
    void aDigestOfTheWrongLengthIsMalformed() {
        assertThat(verifier.verify(META_SIGNATURE.substring(0, META_SIGNATURE.length() - 2), BODY))
            .isEqualTo(SignatureCheck.MALFORMED);
        assertThat(verifier.verify(META_SIGNATURE + "00", BODY)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(verifier.verify("sha256=", BODY)).isEqualTo(SignatureCheck.MALFORMED);
    }

    @Test
    void aDigestWithNonHexCharactersIsMalformed() {
        String notHex = META_SIGNATURE.substring(0, META_SIGNATURE.length() - 1) + "g";

        assertThat(verifier.verify(notHex, BODY)).isEqualTo(SignatureCheck.MALFORMED);
    }

    @Test
    void theRefusalReasonNamesTheHeaderButNeverTheSecret() {
        for (SignatureCheck check : SignatureCheck.values()) {
            assertThat(check.reason()).doesNotContain("test-app-secret");
        }
        assertThat(SignatureCheck.MISMATCH.reason()).contains(SignatureVerifier.HEADER);
    }

    @Test
    void aBlankAppSecretIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new SignatureVerifier(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
