package bank.teller.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The answer given to a channel request id (see {@link ChannelAnswers}); null while being worked out. */
@Entity
@Table(name = "channel_reply")
public class ChannelReply {

    @Id
    @Column(name = "request_id", length = 100)
    private String requestId;

    @Column(name = "fingerprint", nullable = false, length = 64)
    private String fingerprint;

    @Column(name = "reply", length = 4000)
    private String reply;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected ChannelReply() {
    }

    ChannelReply(String requestId, String fingerprint, Instant receivedAt) {
        this.requestId = requestId;
        this.fingerprint = fingerprint;
        this.receivedAt = receivedAt;
    }

    String fingerprint() {
        return fingerprint;
    }

    String reply() {
        return reply;
    }

    void answered(String reply) {
        this.reply = reply;
    }
}
