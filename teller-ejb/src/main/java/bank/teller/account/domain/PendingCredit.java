package bank.teller.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A credit to a hot account (热点账户) not yet in its balance row: written with its journal line,
 * without a lock on the account, and folded into the row within a second (or by the account's next
 * debit) under the row's lock. Until then the account's balance is the row plus its pending credits.
 * Written and folded with plain SQL by the posting path (Accounts); mapped for the readers' queries.
 */
@Entity
@Table(name = "pending_credit")
@IdClass(PendingCredit.Key.class)
public class PendingCredit {

    /** The primary key: the journal line the credit is. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long entryId;
        private int lineNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && entryId == k.entryId && lineNo == k.lineNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(entryId, lineNo);
        }
    }

    @Id
    @Column(name = "entry_id")
    private long entryId;

    @Id
    @Column(name = "line_no")
    private int lineNo;

    @Column(name = "account_number", nullable = false, length = 16)
    private String accountNumber;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    protected PendingCredit() {
    }
}
