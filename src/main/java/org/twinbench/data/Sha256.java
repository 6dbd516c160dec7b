package org.twinbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (FIPS 180-4) as lower-case hex, the one way TwinBench hashes data, models, scenarios and
 * schemas for provenance and integrity checks.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** A new SHA-256 digest, for hashing bytes as they stream past. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The hash of {@code bytes}. */
    public static String of(byte[] bytes) {
        return hex(digest().digest(bytes));
    }

    /** The hash of {@code text} encoded as UTF-8. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of a file's bytes, read in blocks (the file is never held in memory). */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = digest();
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return hex(digest.digest());
        }
    }

    /** What a digest has hashed so far, as hex (the digest is reset). */
    public static String hex(MessageDigest digest) {
        return hex(digest.digest());
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
