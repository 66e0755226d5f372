package bank.teller.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A scanned receipt of a claim, checked to be what its name says ({@link AttachmentType}), with its digest. */
@Entity
@Table(name = "claim_attachment")
public class ClaimAttachment {

    public static final int NAME_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_attachment_seq")
    @SequenceGenerator(name = "claim_attachment_seq", sequenceName = "claim_attachment_seq", allocationSize = 50)
    private Long id;

    @Column(name = "claim_id", nullable = false)
    private long claimId;

    @Column(name = "file_name", nullable = false, length = NAME_MAX)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 40)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "content", nullable = false)
    private byte[] content;

    @Column(name = "added_by", nullable = false, length = 40)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected ClaimAttachment() {
    }

    public ClaimAttachment(long claimId, String fileName, AttachmentType type, byte[] content, String sha256,
                           String addedBy, Instant now) {
        this.claimId = claimId;
        this.fileName = fileName;
        this.contentType = type.contentType();
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.content = content.clone();
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    public Long id() {
        return id;
    }

    public long claimId() {
        return claimId;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] content() {
        return content.clone();
    }
}
