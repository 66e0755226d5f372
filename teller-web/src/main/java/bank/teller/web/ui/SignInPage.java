package bank.teller.web.ui;

import bank.teller.security.Enrolment;
import bank.teller.security.SecuritySettings;
import bank.teller.security.SignIn;
import bank.teller.web.security.ActiveSessions;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The sign-in page: user name, password and dynamic code; for a first sign-in (or an expired or
 * reset password, or a reset token) the same page then asks for a new password and shows the
 * token's QR code once. Only when every step is done does the session become the user's.
 */
@Named
@ViewScoped
public class SignInPage implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Stage { SIGN_IN, CHANGE_PASSWORD, ENROL }

    @EJB
    private SignIn signIn;

    @Inject
    private ActiveSessions sessions;

    private Stage stage = Stage.SIGN_IN;
    private String ticket;
    private String username;
    private String password;
    private String code;
    private String newPassword;
    private String repeatPassword;
    private String enrolmentKey;
    private String enrolmentQr;

    public void signIn() throws IOException {
        SignIn.Result result = signIn.signIn(username, password, code);
        password = null;
        code = null;
        if (result.outcome() == SignIn.Outcome.REFUSED) {
            Screens.error("login-submit", Screens.text("login.failed"));
            return;
        }
        next(result);
    }

    public void changePassword() throws IOException {
        if (newPassword == null || !newPassword.equals(repeatPassword)) {
            Screens.error("new-password", Screens.text("login.passwordsDiffer"));
            return;
        }
        SignIn.Result result = Screens.attempt("new-password", () -> signIn.changePassword(ticket, newPassword));
        newPassword = null;
        repeatPassword = null;
        if (result != null) {
            next(result);
        }
    }

    public void confirmEnrolment() throws IOException {
        SignIn.Result result = Screens.attempt("enrol-code", () -> signIn.confirmEnrolment(ticket, code));
        code = null;
        if (result != null) {
            next(result);
        }
    }

    private void next(SignIn.Result result) throws IOException {
        ticket = result.ticket();
        switch (result.outcome()) {
            case CHANGE_PASSWORD -> stage = Stage.CHANGE_PASSWORD;
            case ENROL_TOKEN -> startEnrolment();
            case SIGNED_IN -> {
                ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
                sessions.signIn((HttpServletRequest) external.getRequest(), result.username(), result.roles(), result.sessionKey());
                external.redirect(external.getRequestContextPath() + "/app/index.xhtml");
            }
            case REFUSED -> Screens.error("login-submit", Screens.text("login.failed"));
        }
    }

    private void startEnrolment() {
        Enrolment enrolment = Screens.attempt("enrol-code", () -> signIn.startEnrolment(ticket));
        if (enrolment != null) {
            stage = Stage.ENROL;
            enrolmentKey = enrolment.secret().replaceAll("(.{4})(?=.)", "$1 ");
            enrolmentQr = qrDataUri(enrolment.uri());
        }
    }

    /** The QR code of {@code text} as an SVG data URI (drawn from ZXing's matrix: no image library needed). */
    static String qrDataUri(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0);
            int quiet = 4;
            int size = matrix.getWidth() + 2 * quiet;
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x + quiet).append(',').append(y + quiet).append("h1v1h-1z");
                    }
                }
            }
            String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                    + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                    + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
            return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        } catch (WriterException e) {
            throw new IllegalStateException("QR code", e);
        }
    }

    public String getChangeHint() {
        SecuritySettings settings = SecuritySettings.current();
        return Screens.text("login.changeHint", settings.passwordMaxAge().toDays(), settings.passwordMinLength(),
                settings.passwordHistory());
    }

    public Stage getStage() {
        return stage;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? null : username.strip();
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return null;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.strip();
    }

    public String getNewPassword() {
        return null;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return null;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }

    public String getEnrolmentKey() {
        return enrolmentKey;
    }

    public String getEnrolmentQr() {
        return enrolmentQr;
    }
}
