package bank.teller.integration;

import bank.teller.integration.ChannelMessages.Request;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.StoredTime;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * One answer per request id of a channel (the id is the channel's own: another channel's same id is
 * another request). The first message with a request id is carried out and its
 * answer remembered, in the listener's transaction; every later message with that id gets the same
 * answer, a refusal included, and changes nothing. A duplicate arriving while the first is being
 * carried out waits for it: the reservation is a primary key (should both insert at once, the second
 * delivery rolls back and is redelivered, and then finds the answer). The same id with another
 * request in it is refused (IDEMPOTENCY_KEY_REUSED).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ChannelAnswers {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public String answer(String channel, Request request, Supplier<String> carryOut) {
        String fingerprint = fingerprint(request);
        String requestId = ChannelRequests.ownId(channel, request);
        ChannelReply reply = em.find(ChannelReply.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (reply != null && reply.reply() != null) {
            return reply.fingerprint().equals(fingerprint) ? reply.reply()
                    : ChannelMessages.refusal(request, ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        if (reply == null) { // else an earlier message with this id was dead-lettered unanswered: carry it out now
            reply = new ChannelReply(requestId, fingerprint, StoredTime.now(clock));
            em.persist(reply);
            em.flush();
        }
        String answer = carryOut.get();
        reply.answered(answer);
        return answer;
    }

    /**
     * SHA-256 of everything the request says, written as the request record wrote itself before it had
     * a date (a notice's) and a wire's fields, so the answers stored before still match their requests' repeats.
     */
    static String fingerprint(Request request) {
        String text = "Request[requestId=" + request.requestId() + ", type=" + request.type() + ", accountNumber="
                + request.accountNumber() + ", payerAccountNumber=" + request.payerAccountNumber()
                + ", payeeAccountNumber=" + request.payeeAccountNumber() + ", amount=" + request.amount()
                + ", currency=" + request.currency() + (request.date() == null ? "" : ", date=" + request.date())
                + (request.wire() == null ? "" : ", wire=" + request.wire())
                + (request.reference() == null ? "" : ", reference=" + request.reference()) + "]";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
