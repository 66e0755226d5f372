package bank.teller.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The written result of one trial-balance run (试算平衡), kept for the supervisor and auditors. */
@Entity
@Table(name = "trial_balance_report")
public class TrialBalanceReport {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trial_balance_report_seq")
    @SequenceGenerator(name = "trial_balance_report_seq", sequenceName = "trial_balance_report_seq", allocationSize = 50)
    private Long id;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Column(name = "balanced", nullable = false)
    private boolean balanced;

    @Column(name = "total_debit", nullable = false, precision = 21, scale = 2)
    private BigDecimal totalDebit;

    @Column(name = "total_credit", nullable = false, precision = 21, scale = 2)
    private BigDecimal totalCredit;

    @Column(name = "findings", nullable = false)
    private int findings;

    @Column(name = "report", nullable = false, length = 100000)
    private String report;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TrialBalanceReport() {
    }

    public TrialBalanceReport(Long jobExecutionId, LocalDate businessDate, BigDecimal totalDebit,
                              BigDecimal totalCredit, int findings, String report, Instant createdAt) {
        this.jobExecutionId = jobExecutionId;
        this.businessDate = businessDate;
        this.totalDebit = totalDebit;
        this.totalCredit = totalCredit;
        this.findings = findings;
        this.balanced = findings == 0;
        this.report = report;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Long jobExecutionId() {
        return jobExecutionId;
    }

    public boolean balanced() {
        return balanced;
    }

    public int findings() {
        return findings;
    }

    public String report() {
        return report;
    }

    public BigDecimal totalDebit() {
        return totalDebit;
    }

    public BigDecimal totalCredit() {
        return totalCredit;
    }
}
