package bank.teller.account.domain;

import bank.teller.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An amount that counted toward a class-II account's limits: in (IN) or out (OUT), on a business date. */
@Entity
@Table(name = "account_limit_usage")
public class LimitUsage {

    public static final String IN = "IN";
    public static final String OUT = "OUT";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_limit_usage_seq")
    @SequenceGenerator(name = "account_limit_usage_seq", sequenceName = "account_limit_usage_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_number", nullable = false, length = 16)
    private String accountNumber;

    @Column(name = "direction", nullable = false, length = 3)
    private String direction;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "request_id", nullable = false, length = 100)
    private String requestId;

    protected LimitUsage() {
    }

    public LimitUsage(AccountNumber account, String direction, LocalDate businessDate, Money amount, String requestId) {
        this.accountNumber = account.value();
        this.direction = direction;
        this.businessDate = businessDate;
        this.amount = amount.amount();
        this.requestId = requestId;
    }
}
