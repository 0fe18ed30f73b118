package io.cityloop.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the issuer's RSA signing key. With a key file the key outlives restarts, so tokens handed out before a
 * restart of the embedded stack stay valid in every service; without one a fresh key is made per start.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    /** Reads the key file, creates it if it is missing, or makes an in-memory key if no file is named. */
    public static RSAKey load(String keyFile) {
        if (keyFile == null || keyFile.isBlank()) {
            log.info("Signing tokens with an in-memory key; tokens will not survive a restart");
            return generate();
        }
        Path path = Path.of(keyFile);
        try {
            if (Files.exists(path)) {
                return RSAKey.parse(Files.readString(path, StandardCharsets.UTF_8));
            }
            RSAKey key = generate();
            write(path, key);
            log.info("Generated a new token signing key in {}", path.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the signing key file " + path, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the signing key file " + path + " is not an RSA JWK", e);
        }
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static void write(Path path, RSAKey key) throws IOException {
        Path absolute = path.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), ".signing-key", ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
    }
}
