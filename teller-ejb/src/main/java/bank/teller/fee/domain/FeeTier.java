package bank.teller.fee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One band of a tiered rule: amounts up to {@code upTo} (none: any amount) cost {@code fee}. */
@Embeddable
public class FeeTier {

    @Column(name = "tier_no", nullable = false)
    private int tierNo;

    @Column(name = "up_to", precision = 19, scale = 2)
    private BigDecimal upTo;

    @Column(name = "fee", nullable = false, precision = 19, scale = 2)
    private BigDecimal fee;

    protected FeeTier() {
    }

    public FeeTier(int tierNo, BigDecimal upTo, BigDecimal fee) {
        this.tierNo = tierNo;
        this.upTo = upTo;
        this.fee = fee;
    }

    public int tierNo() {
        return tierNo;
    }

    boolean covers(BigDecimal amount) {
        return upTo == null || amount.compareTo(upTo) <= 0;
    }

    public BigDecimal upTo() {
        return upTo;
    }

    public BigDecimal fee() {
        return fee;
    }
}
