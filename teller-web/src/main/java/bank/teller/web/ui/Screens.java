package bank.teller.web.ui;

import bank.teller.audit.AuditTrail;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.web.ErrorMessages;
import bank.teller.web.Refusals;
import bank.teller.shared.SameRequest;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.model.file.UploadedFile;

/**
 * How screens run a use case: the result, or a message in the user's language next to the form.
 * Unknown failures get a reference id that is in the server log, never a stack trace.
 */
final class Screens {

    private static final Logger LOG = Logger.getLogger(Screens.class.getName());

    private Screens() {
    }

    static <T> T attempt(String clientId, Supplier<T> useCase) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            return SameRequest.settled(useCase);
        } catch (TellerException e) {
            Refusals.record(audit(), "screen " + faces.getViewRoot().getViewId() + " " + clientId, e.code());
            error(faces, clientId, ErrorMessages.text(e, faces.getViewRoot().getLocale()));
        } catch (EJBAccessException e) {
            Refusals.record(audit(), "screen " + faces.getViewRoot().getViewId() + " " + clientId, ErrorCode.FORBIDDEN);
            error(faces, clientId, ErrorMessages.format("error.FORBIDDEN", faces.getViewRoot().getLocale()));
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "screen operation failed, reference " + reference, e);
            error(faces, clientId, ErrorMessages.format("error.reference", faces.getViewRoot().getLocale(), reference));
        }
        return null;
    }

    private static AuditTrail audit() {
        return CDI.current().select(AuditTrail.class).get();
    }

    static void warn(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, null));
    }

    /** The text of a file uploaded (a company's CSV), or null with a warning when none was chosen. */
    static String uploadedText(UploadedFile file) {
        if (file == null || file.getSize() == 0) {
            warn(text("collection.noFile"));
            return null;
        }
        return new String(file.getContent(), StandardCharsets.UTF_8);
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return ErrorMessages.format(key, faces.getViewRoot().getLocale(), args);
    }

    static void error(String clientId, String text) {
        error(FacesContext.getCurrentInstance(), clientId, text);
    }

    private static void error(FacesContext faces, String clientId, String text) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }

    static boolean chinese() {
        return "zh".equals(FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
    }

    static String newRequestId() {
        return "ui-" + UUID.randomUUID();
    }
}
