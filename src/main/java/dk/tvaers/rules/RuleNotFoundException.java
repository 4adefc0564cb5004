package dk.tvaers.rules;

/** No rule-set version has this number, or the active version no file of this name. */
public class RuleNotFoundException extends RuntimeException {

    private RuleNotFoundException(String message) {
        super(message);
    }

    public static RuleNotFoundException version(int version) {
        return new RuleNotFoundException("Regelversion " + version + " findes ikke");
    }

    public static RuleNotFoundException source(String name) {
        return new RuleNotFoundException("Regelsættet har ingen fil med det navn");
    }
}
