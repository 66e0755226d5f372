package bank.teller.web.ui;

import bank.teller.shared.BusinessCalendar;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;

/** The signed-in user's session: language, business date, roles, sign-out. */
@Named
@SessionScoped
public class SessionInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private BusinessCalendar calendar;

    private Locale locale = Locale.SIMPLIFIED_CHINESE;

    public Locale getLocale() {
        return locale;
    }

    public String getLanguage() {
        return locale.toLanguageTag();
    }

    public void switchLanguage() {
        locale = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }

    public String getUsername() {
        return external().getRemoteUser();
    }

    public boolean isSupervisor() {
        return external().isUserInRole("SUPERVISOR");
    }

    public String getRole() {
        return isSupervisor() ? "SUPERVISOR" : "TELLER";
    }

    public LocalDate getBusinessDate() {
        return calendar.today();
    }

    public void signOut() throws IOException {
        ExternalContext external = external();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            // the session is invalidated below either way
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
