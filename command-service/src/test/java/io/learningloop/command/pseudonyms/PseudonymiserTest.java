package io.learningloop.command.pseudonyms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymiserTest {

    private final Pseudonymiser pseudonyms = TestPseudonyms.pseudonymiser();

    @Test
    void matchesHmacSha256ComputedIndependentlyWithOpenssl() {
        // printf '%s' 'jane.doe@acme.example' | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1e1f
        //   | xxd -r -p | head -c16 | base32 | tr A-Z a-z | tr -d =
        assertThat(pseudonyms.pseudonym("jane.doe@acme.example")).isEqualTo(TestPseudonyms.JANE);
        assertThat(pseudonyms.pseudonym("u-4711")).isEqualTo(TestPseudonyms.U_4711);
        assertThat(pseudonyms.pseudonym("u-0815")).isEqualTo(TestPseudonyms.U_0815);
    }

    @Test
    void sameIdentityGivesSamePseudonymAndAnotherIdentityAnother() {
        assertThat(pseudonyms.pseudonym("u-4711")).isEqualTo(pseudonyms.pseudonym("u-4711"));
        assertThat(TestPseudonyms.pseudonymiser().pseudonym("u-4711")).isEqualTo(pseudonyms.pseudonym("u-4711"));
        assertThat(pseudonyms.pseudonym("u-4712")).isNotEqualTo(pseudonyms.pseudonym("u-4711"));
    }

    @Test
    void caseSurroundingSpaceAndUnicodeFormAreOnePerson() {
        assertThat(pseudonyms.pseudonym("  Jane.Doe@ACME.example\t")).isEqualTo(TestPseudonyms.JANE);
        // é composed (U+00E9) and decomposed (e + U+0301): one letter after NFKC.
        assertThat(pseudonyms.pseudonym("Ren\u00e9")).isEqualTo(pseudonyms.pseudonym("rene\u0301"));
        // Inner characters are the identity: two tools' different logins stay two identities.
        assertThat(pseudonyms.pseudonym("jane doe")).isNotEqualTo(pseudonyms.pseudonym("janedoe"));
    }

    @Test
    void anotherSecretGivesAnotherPseudonym() {
        byte[] other = TestPseudonyms.KEY.clone();
        other[0] = 99;
        Pseudonymiser otherKey = new Pseudonymiser(PseudonymKey.of(other));

        assertThat(otherKey.pseudonym("u-4711")).isNotEqualTo(pseudonyms.pseudonym("u-4711"));
    }

    @Test
    void pseudonymIsFixedFormat() {
        assertThat(pseudonyms.pseudonym("x")).matches("p-[a-z2-7]{26}");
        assertThat(pseudonyms.pseudonym("a".repeat(320))).matches("p-[a-z2-7]{26}");
    }

    @Test
    void aPseudonymIsKeptSoThatReadBackStepsRepeatExactly() {
        String once = pseudonyms.pseudonym("jane.doe@acme.example");

        assertThat(pseudonyms.pseudonym(once)).isEqualTo(once);
        assertThat(pseudonyms.pseudonym(" " + once.toUpperCase() + " ")).isEqualTo(once);
        // Not quite the format (27 characters, a 1 outside base32): an identity like any other.
        assertThat(pseudonyms.pseudonym(once + "a")).isNotEqualTo(once + "a");
        assertThat(pseudonyms.pseudonym("p-1" + once.substring(3))).isNotEqualTo("p-1" + once.substring(3));
    }

    @Test
    void base32IsRfc4648LowerCaseWithoutPadding() {
        // RFC 4648 section 10: BASE32("foobar") = "MZXW6YTBOI======"
        assertThat(Pseudonymiser.base32("foobar".getBytes(), 6)).isEqualTo("mzxw6ytboi");
        assertThat(Pseudonymiser.base32("f".getBytes(), 1)).isEqualTo("my");
    }

    @Test
    void aShortOrRepetitiveKeyIsRefused() {
        assertThatThrownBy(() -> PseudonymKey.of(new byte[16]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32");
        byte[] repeated = new byte[64];
        Arrays.fill(repeated, (byte) 'a');
        assertThatThrownBy(() -> PseudonymKey.of(repeated))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("distinct byte values");
    }

    @Test
    void keyFileIsReadAsBase64(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(
                dir.resolve("good.key"), Base64.getEncoder().encodeToString(TestPseudonyms.KEY) + "\n");
        assertThat(new Pseudonymiser(PseudonymKey.fromFile(good)).pseudonym("u-4711"))
                .isEqualTo(TestPseudonyms.U_4711);

        Path notBase64 = Files.writeString(dir.resolve("bad.key"), "not a key!");
        assertThatThrownBy(() -> PseudonymKey.fromFile(notBase64)).hasMessageContaining("does not hold base64");
        assertThatThrownBy(() -> PseudonymKey.fromFile(dir.resolve("missing.key")))
                .hasMessageContaining("cannot be read");
    }

    @Test
    void keyNeverPrintsItself() {
        assertThat(PseudonymKey.of(TestPseudonyms.KEY).toString()).isEqualTo("PseudonymKey[32 bytes]");
    }

    @Test
    void serviceRefusesToStartWithoutAKeyFile() {
        assertThatThrownBy(() -> new PseudonymConfiguration().pseudonymiser(""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LL_PSEUDONYM_KEY_FILE is not set");
    }
}
