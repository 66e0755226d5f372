package bank.teller.till.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One numbered important blank voucher (重要空白凭证). IN_VAULT → ISSUED to a till → USED (for a
 * reference) or SPOILED (作废, with a reason), or back IN_VAULT; only the till holding it uses,
 * spoils or returns it. Never deleted.
 */
@Entity
@Table(name = "blank_voucher")
public class BlankVoucher {

    public static final List<String> KINDS = List.of("CERTIFICATE", "PASSBOOK", "CHEQUE_BOOK");
    public static final String IN_VAULT = "IN_VAULT";
    public static final String ISSUED = "ISSUED";
    public static final String USED = "USED";
    public static final String SPOILED = "SPOILED";

    /** Branch, kind and serial number. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "branch_code", length = 4)
        private String branchCode;

        @Column(name = "kind", length = 12)
        private String kind;

        @Column(name = "serial_no", length = 12)
        private String serialNo;

        protected Key() {
        }

        public Key(String branchCode, String kind, String serialNo) {
            this.branchCode = branchCode;
            this.kind = kind;
            this.serialNo = serialNo;
        }

        public String branchCode() {
            return branchCode;
        }

        public String kind() {
            return kind;
        }

        public String serialNo() {
            return serialNo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && branchCode.equals(other.branchCode) && kind.equals(other.kind)
                    && serialNo.equals(other.serialNo);
        }

        @Override
        public int hashCode() {
            return Objects.hash(branchCode, kind, serialNo);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "status", nullable = false, length = 8)
    private String status;

    @Column(name = "till_code", length = 3)
    private String tillCode;

    @Column(name = "note", length = 200)
    private String note;

    @Column(name = "changed_by", nullable = false, length = 40)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected BlankVoucher() {
    }

    public BlankVoucher(Key key, String by, Instant at) {
        this.key = key;
        this.status = IN_VAULT;
        this.changedBy = by;
        this.changedAt = at;
    }

    public void issueTo(String till, String by, Instant at) {
        require(IN_VAULT.equals(status));
        change(ISSUED, till, null, by, at);
    }

    public void use(String till, String reference, String by, Instant at) {
        requireHeldBy(till);
        change(USED, till, reference, by, at);
    }

    public void spoil(String till, String reason, String by, Instant at) {
        requireHeldBy(till);
        change(SPOILED, till, reason, by, at);
    }

    public void returnToVault(String till, String by, Instant at) {
        requireHeldBy(till);
        change(IN_VAULT, null, null, by, at);
    }

    private void requireHeldBy(String till) {
        require(ISSUED.equals(status) && till != null && till.equals(tillCode));
    }

    private void require(boolean allowed) {
        if (!allowed) {
            throw new TellerException(ErrorCode.BLANK_VOUCHER_STATE_INVALID, key.kind(), key.serialNo(), status,
                    tillCode == null ? "-" : tillCode);
        }
    }

    private void change(String next, String till, String withNote, String by, Instant at) {
        this.status = next;
        this.tillCode = till;
        this.note = withNote;
        this.changedBy = by;
        this.changedAt = at;
    }

    public Key key() {
        return key;
    }

    public String status() {
        return status;
    }

    public String tillCode() {
        return tillCode;
    }

    public String note() {
        return note;
    }
}
