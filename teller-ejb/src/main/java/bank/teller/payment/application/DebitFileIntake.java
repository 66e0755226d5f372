package bank.teller.payment.application;

/**
 * Takes a creditor's debit file and has the direct-debit job process it: the job lives in
 * teller-batch, whose bean implements this for the channels' way in (a file sent over JMS).
 */
public interface DebitFileIntake {

    /** Receives the file ({@link DirectDebits#receive}, once per its reference) and has it processed. */
    DirectDebitViews.File receive(String agreement, String fileRef, String csv);
}
