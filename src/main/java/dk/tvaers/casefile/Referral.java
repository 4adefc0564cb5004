package dk.tvaers.casefile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/** A referral as the sender made it; {@code externalRef} is the sender's idempotency key. */
public record Referral(String externalRef, String citizenName, String cpr, Department referredBy,
                       LocalDate referralDate, Set<Flag> flags, String note, String coordinator) {

    public Referral {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    /** A fingerprint of the content, so that "the same referral again" can be told from a conflict. */
    String digest() {
        String canonical = String.join("\u001f", externalRef, citizenName.trim(), cpr.trim().replace("-", ""),
                referredBy.name(), referralDate.toString(), new TreeSet<>(flags.stream().map(Enum::name).toList()).toString(),
                note == null ? "" : note, coordinator == null ? "" : coordinator);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        // Never the CPR number, not even by accident in a log line.
        return "Referral[externalRef=" + externalRef + ", referredBy=" + referredBy + ", referralDate=" + referralDate + "]";
    }
}
