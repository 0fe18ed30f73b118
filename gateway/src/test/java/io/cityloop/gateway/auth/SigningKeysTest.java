package io.cityloop.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @Test
    void aMissingKeyFileIsCreatedAndReusedOnTheNextStart(@TempDir Path dir) {
        Path file = dir.resolve("keys/signing-key.json");

        RSAKey first = SigningKeys.load(file.toString());
        RSAKey afterRestart = SigningKeys.load(file.toString());

        assertThat(file).exists();
        assertThat(afterRestart).isEqualTo(first);
        assertThat(first.isPrivate()).isTrue();
        assertThat(first.size()).isEqualTo(2048);
    }

    @Test
    void withoutAKeyFileEachStartHasItsOwnKey(@TempDir Path dir) throws Exception {
        assertThat(SigningKeys.load(null).getKeyID()).isNotEqualTo(SigningKeys.load(" ").getKeyID());
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
