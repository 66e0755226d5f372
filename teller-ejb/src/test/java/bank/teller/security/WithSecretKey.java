package bank.teller.security;

import java.util.Base64;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test class's TOTP secrets are encrypted with an all-zero key, set for the class and cleared after it. */
class WithSecretKey implements BeforeAllCallback, AfterAllCallback {

    private static final String PROPERTY = "teller.security.secret-key";

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty(PROPERTY, Base64.getEncoder().encodeToString(new byte[32]));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty(PROPERTY);
    }
}
