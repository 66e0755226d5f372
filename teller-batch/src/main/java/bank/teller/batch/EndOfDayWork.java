package bank.teller.batch;

import bank.teller.account.application.AccountDormancy;
import bank.teller.audit.AuditSeals;
import bank.teller.audit.AuditVerifier;
import bank.teller.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;

/**
 * The end-of-day work that batch steps delegate to. Batch steps run without the identity of the
 * supervisor who started the job (only a supervisor can, see {@link BatchJobs}), so this bean
 * calls the application services in the SUPERVISOR role; nothing outside this module calls it.
 */
@Stateless
@PermitAll
@RunAs(Roles.SUPERVISOR)
public class EndOfDayWork {

    @EJB
    private AccountDormancy dormancy;
    @EJB
    private AuditSeals seals;
    @EJB
    private AuditVerifier verifier;

    public List<String> markDormantAccounts() {
        return dormancy.markDormantAccounts();
    }

    /** Seals the audit trail as it stands, then verifies every chain and seal. */
    public AuditVerifier.Report sealAndVerifyAudit() {
        seals.seal();
        return verifier.verify();
    }
}
