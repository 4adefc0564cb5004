package dk.tvaers.casefile;

/** The sender's key is known already, with different content. */
public class ReferralConflictException extends RuntimeException {
    private final String existingCaseId;

    public ReferralConflictException(String externalRef, String existingCaseId) {
        super("Henvisningen " + externalRef + " er allerede modtaget med et andet indhold");
        this.existingCaseId = existingCaseId;
    }

    public String existingCaseId() {
        return existingCaseId;
    }
}
