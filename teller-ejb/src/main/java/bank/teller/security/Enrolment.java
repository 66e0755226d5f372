package bank.teller.security;

/** A token to enrol: the secret (for typing in) and the otpauth URI the QR code carries. */
public record Enrolment(String username, String secret, String uri) {

    /** The issuer name an authenticator app shows next to the code. */
    public static final String ISSUER = "Teller";
}
