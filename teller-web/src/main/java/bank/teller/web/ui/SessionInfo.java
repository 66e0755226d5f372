package bank.teller.web.ui;

import bank.teller.platform.Branches;
import bank.teller.security.CurrentUser;
import bank.teller.security.SecuritySettings;
import bank.teller.shared.BusinessCalendar;
import bank.teller.web.security.ActiveSessions;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
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

    @Inject
    private BusinessCalendar calendar;

    @Inject
    private ActiveSessions sessions;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private Branches branches;

    private Locale locale = Locale.SIMPLIFIED_CHINESE;
    private Boolean training;

    public Locale getLocale() {
        return locale;
    }

    public String getLanguage() {
        return locale.toLanguageTag();
    }

    public boolean isChinese() {
        return Locale.SIMPLIFIED_CHINESE.getLanguage().equals(locale.getLanguage());
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

    /** Works at the counter: a teller or a supervisor. */
    public boolean isCounter() {
        return external().isUserInRole("TELLER") || isSupervisor();
    }

    public boolean isAuditor() {
        return external().isUserInRole("AUDITOR");
    }

    public boolean isAdmin() {
        return external().isUserInRole("ADMIN");
    }

    /** Works at a training branch (培训): every screen says so. */
    public boolean isTraining() {
        if (training == null) {
            training = getUsername() != null && branches.training(currentUser.caller().branchCode());
        }
        return training;
    }

    public String getRole() {
        return isSupervisor() ? "SUPERVISOR" : isAuditor() ? "AUDITOR" : external().isUserInRole("ADMIN") ? "ADMIN" : "TELLER";
    }

    public LocalDate getBusinessDate() {
        return calendar.today();
    }

    /** When the screen warns that the session is about to end for idleness: a minute before (at least half-way). */
    public long getIdleWarningMillis() {
        long idle = SecuritySettings.current().sessionIdle().toMillis();
        return Math.max(idle / 2, idle - 60_000);
    }

    /** Activity after the idle warning: the request itself keeps the session. */
    public void keepAlive() {
        // nothing to do
    }

    public void signOut() throws IOException {
        ExternalContext external = external();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpSession session = request.getSession(false);
        if (session != null) {
            sessions.signOut(session);
        }
        external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
