package bank.teller.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The bank's branches as the modules that take a branch code check it: the one place that asks whether one exists. */
@ApplicationScoped
public class Branches {

    @Inject
    private Jdbc jdbc;

    /** Whether a branch has the code (null is none). */
    public boolean exists(String code) {
        return code != null && !jdbc.query("SELECT 1 FROM branch WHERE code = ?", row -> 1, code).isEmpty();
    }
}
