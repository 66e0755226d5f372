package bank.teller.integration;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.Cards;
import bank.teller.account.application.OnlineAccountOpening;
import bank.teller.account.application.Transfers;
import bank.teller.deposit.application.DepositQueries;
import bank.teller.deposit.application.TermDeposits;
import bank.teller.integration.ChannelMessages.Request;
import bank.teller.payment.application.DebitFileIntake;
import bank.teller.payment.application.DirectDebitViews;
import bank.teller.payment.application.DirectDebits;
import bank.teller.payment.application.Wires;
import bank.teller.security.Roles;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Carries out a channel request by the same use cases the counter uses, and says what to answer.
 * Each request runs in a transaction of its own (REQUIRES_NEW): a refusal rolls back only the
 * request, while the listener's transaction still sends the coded answer. Should that send fail,
 * the message is redelivered and the request id makes the repeat return the first result.
 */
@Stateless
@RolesAllowed(Roles.CHANNEL)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ChannelRequests {

    @EJB
    private AccountQueries accounts;
    @EJB
    private Transfers transfers;
    @EJB
    private DepositQueries deposits;
    @EJB
    private TermDeposits termDeposits;
    @EJB
    private Wires wires;
    @EJB
    private DebitFileIntake debitFiles;
    @EJB
    private DirectDebits directDebits;
    @EJB
    private OnlineAccountOpening onlineOpening;
    @EJB
    private Cards cards;

    /** The reply to send (schema teller.channel.reply) to a request of {@code channel}. */
    public String handle(String channel, Request request) {
        try {
            return switch (request.type()) {
                case ChannelMessages.BALANCE_INQUIRY ->
                        ChannelMessages.balance(request, accounts.account(request.accountNumber()));
                case ChannelMessages.TRANSFER -> ChannelMessages.transferred(request, transfers.transfer(
                        request.payerAccountNumber(), request.payeeAccountNumber(), request.amount(),
                        request.currency(), ownId(channel, request)));
                case ChannelMessages.DEPOSIT_INQUIRY ->
                        ChannelMessages.deposit(request, deposits.deposit(request.accountNumber()));
                case ChannelMessages.DEPOSIT_NOTICE -> ChannelMessages.deposit(request, termDeposits.registerNotice(
                        request.accountNumber(), request.date(), request.amount(), ownId(channel, request)));
                case ChannelMessages.WIRE_TRANSFER -> ChannelMessages.wire(request,
                        wires.send(request.wireRequest(), ownId(channel, request)).wire());
                case ChannelMessages.WIRE_INQUIRY -> ChannelMessages.wire(request, wires.wire(request.reference()));
                case ChannelMessages.DIRECT_DEBIT_FILE -> ChannelMessages.debitFile(request, debitFiles.receive(
                        request.debitFile().agreement(), request.debitFile().fileRef(), request.debitFile().csv()), null);
                case ChannelMessages.DIRECT_DEBIT_FILE_INQUIRY -> {
                    DirectDebitViews.File file = directDebits.file(request.debitFile().agreement(),
                            request.debitFile().fileRef());
                    yield ChannelMessages.debitFile(request, file,
                            "COMPLETED".equals(file.status()) ? directDebits.result(file.id()) : null);
                }
                case ChannelMessages.ACCOUNT_OPENING -> ChannelMessages.opened(request, onlineOpening.open(
                        request.opening().accountType(), request.opening().applicant(), new OnlineAccountOpening.Binding(
                                request.opening().boundAccountNumber(), request.opening().boundBank()),
                        ownId(channel, request)));
                case ChannelMessages.TRANSACTION_INQUIRY -> ChannelMessages.transactions(request,
                        accounts.transactions(request.accountNumber(), null, null, request.page().page(),
                                request.page().pageSize()),
                        accounts.transactionCount(request.accountNumber(), null, null));
                case ChannelMessages.CARD_LOSS_REPORT ->
                        ChannelMessages.card(request, cards.reportLost(request.cardNumber(), ownId(channel, request)));
                default -> throw new MalformedMessageException("unknown request type " + request.type());
            };
        } catch (TellerException refused) {
            if (refused.code() == ErrorCode.REQUEST_IN_PROGRESS) {
                throw refused; // the same request in another message, not committed yet: the listener asks again
            }
            return ChannelMessages.refusal(request, refused.code());
        }
    }

    /**
     * The request id as Teller keeps it: behind the channel's name ("online:mb-0001"), so that two
     * channels' same id are two requests (all channels act as the one system user "channel").
     */
    static String ownId(String channel, Request request) {
        return channel + ":" + request.requestId();
    }
}
