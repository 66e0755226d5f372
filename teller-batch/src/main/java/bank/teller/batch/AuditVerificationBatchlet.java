package bank.teller.batch;

import bank.teller.audit.AuditVerifier;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Step of the {@code audit-verification} job: seals the audit trail and verifies it; the exit status
 * says "INTACT n records" or "BROKEN k findings", and every finding goes to the server log.
 */
@Named
@Dependent
public class AuditVerificationBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(AuditVerificationBatchlet.class.getName());

    @Inject
    private JobContext job;

    @EJB
    private EndOfDayWork work;

    @Override
    public String process() {
        AuditVerifier.Report report = work.sealAndVerifyAudit();
        report.findings().forEach(finding -> LOG.severe(() -> "audit trail broken: " + finding));
        String exit = report.intact() ? "INTACT " + report.records() + " records"
                : "BROKEN " + report.findings().size() + " findings";
        job.setExitStatus(exit);
        return exit;
    }
}
