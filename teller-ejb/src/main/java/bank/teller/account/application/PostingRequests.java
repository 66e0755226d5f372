package bank.teller.account.application;

import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.shared.BeanTransactions;
import bank.teller.shared.Causes;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.ProcessedRequest;
import bank.teller.shared.RequestIds;
import bank.teller.shared.TellerException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The one way a use case posts a request to customer accounts, in a transaction of its own: the
 * request is posted once per caller and request id (Idempotency-Key, JMS requestId), a replay
 * answers with the first receipt and posts nothing.
 *
 * <p>Optimistic: a posting does not look for an earlier one first. Its journal entry is the record of
 * its request, unique for the caller's request id, so a second posting of the same request fails
 * at the entry's insert (a concurrent one after waiting for the first to commit). Only a posting that
 * fails, for that or any other reason (a replay of a withdrawal may find the money gone), looks for
 * an earlier posting of its request, in a new transaction, and answers with its receipt if there is
 * one: the first posting's answer, as if it had been looked up first. A request that took effect
 * costs no lookup (issue 14: the statements of a posting).
 */
@Stateless
@PermitAll
@TransactionManagement(TransactionManagementType.BEAN)
public class PostingRequests {

    /** Locks and changes the accounts, and says which journal lines explain the change. */
    @FunctionalInterface
    public interface Lines {
        List<PostingLine> apply();
    }

    /** The unique index that makes a journal entry its request's record (migration v027). */
    private static final String REQUEST_UNIQUE = "journal_entry_request";

    @Inject
    private AccountPostings postings;
    @EJB
    private RequestIds requestIds;
    @Resource
    private UserTransaction tx;
    @Resource
    private SessionContext context;

    /**
     * @param fingerprint  what makes the request the same request (accounts and amount), so a request
     *                     id reused for another request is refused
     * @param receiptFor   the account whose customer gets the receipt
     * @param counterparty the other account, if any
     */
    public Receipt post(String operation, String requestId, String fingerprint, String receiptFor,
                        String counterparty, Lines lines) {
        return post(operation, requestId, fingerprint, receiptFor, counterparty, lines, UnaryOperator.identity());
    }

    /** The same, with {@code decorate} marking the entry before it is posted (a reversal names its original). */
    public Receipt post(String operation, String requestId, String fingerprint, String receiptFor,
                        String counterparty, Lines lines, UnaryOperator<JournalEntry> decorate) {
        AccountPostings.Request request = new AccountPostings.Request(operation, ProcessedRequest.validId(requestId),
                fingerprint, receiptFor, counterparty);
        String caller = context.getCallerPrincipal().getName();
        try {
            return BeanTransactions.inTransaction(tx, () -> postings.post(request, caller, lines, decorate));
        } catch (Exception failed) {
            return replayOf(request, caller, failed);
        }
    }

    /**
     * The first receipt of a request whose posting failed, if it was posted before; else the failure
     * (a second posting that failed at its entry's insert while no first one is to be found, because
     * the first has not committed yet, is REQUEST_IN_PROGRESS: asking again answers).
     */
    private Receipt replayOf(AccountPostings.Request request, String caller, Exception failed) {
        RequestIds.Earlier earlier;
        try {
            earlier = BeanTransactions.inTransaction(tx, () -> requestIds.earlier(caller, request.requestId()));
        } catch (Exception lookupFailed) {
            failed.addSuppressed(lookupFailed);
            throw thrown(failed);
        }
        if (earlier == null) {
            if (Causes.of(failed).anyMatch(cause -> String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT)
                    .contains(REQUEST_UNIQUE))) {
                throw new TellerException(ErrorCode.REQUEST_IN_PROGRESS, request.requestId());
            }
            throw thrown(failed);
        }
        try {
            return BeanTransactions.inTransaction(tx, () -> earlier.replayed(request.operation(),
                    request.fingerprint(), entryId -> postings.receiptOf(request, Long.parseLong(entryId))));
        } catch (Exception replayFailed) {
            throw thrown(replayFailed);
        }
    }

    private static RuntimeException thrown(Exception failure) {
        return failure instanceof RuntimeException runtime ? runtime : new EJBException(failure);
    }
}
