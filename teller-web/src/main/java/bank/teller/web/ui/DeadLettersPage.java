package bank.teller.web.ui;

import bank.teller.integration.DeadLetters;
import bank.teller.integration.DeadLetters.DeadLetterView;
import bank.teller.integration.ParkedPostings;
import bank.teller.integration.ParkedPostings.ParkedPostingView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The operator's dead-letter screen (死信队列): a queue's dead letters with their reason and body;
 * each can be sent again to its queue or discarded, with a note (both audited). Beside them the core
 * postings the relay set aside, each of which can be sent again. Auditors look only.
 */
@Named
@ViewScoped
public class DeadLettersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DeadLetters deadLetters;
    @EJB
    private ParkedPostings parkedPostings;

    private String queue = DeadLetters.QUEUES.get(0);
    private String note;
    private List<DeadLetterView> letters = List.of();
    private List<ParkedPostingView> parked = List.of();

    public void refresh() {
        List<DeadLetterView> found = Screens.attempt(null, () -> deadLetters.list(queue));
        letters = found == null ? List.of() : found;
        List<ParkedPostingView> aside = Screens.attempt(null, parkedPostings::list);
        parked = aside == null ? List.of() : aside;
    }

    public void resendParked(ParkedPostingView posting) {
        ParkedPostingView resent = Screens.attempt("letters:note", () -> parkedPostings.resend(posting.entryId(), note));
        if (resent != null) {
            Screens.info(Screens.text("parked.resent", resent.entryId()));
            note = null;
        }
        refresh();
    }

    public void resend(DeadLetterView letter) {
        decided(Screens.attempt("letters:note", () -> deadLetters.resend(queue, letter.messageId(), note)),
                "deadLetters.resent");
    }

    public void discard(DeadLetterView letter) {
        decided(Screens.attempt("letters:note", () -> deadLetters.discard(queue, letter.messageId(), note)),
                "deadLetters.discarded");
    }

    private void decided(DeadLetterView letter, String message) {
        if (letter != null) {
            Screens.info(Screens.text(message, letter.messageId()));
            note = null;
        }
        refresh();
    }

    public List<String> getQueues() {
        return DeadLetters.QUEUES;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<DeadLetterView> getLetters() {
        return letters;
    }

    public List<ParkedPostingView> getParked() {
        return parked;
    }
}
