package dk.tvaers.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file of a rule set, named by its path below {@code rules/}; serializable, as an upload waiting in a session is. */
public record RuleSource(String name, byte[] content) implements java.io.Serializable {

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public boolean isThresholdFile() {
        return name.endsWith("thresholds.csv");
    }
}
