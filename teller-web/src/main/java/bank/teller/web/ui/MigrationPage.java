package bank.teller.web.ui;

import bank.teller.batch.MigrationJobs;
import bank.teller.migration.MigrationFile;
import bank.teller.migration.MigrationView;
import bank.teller.migration.Migrations;
import bank.teller.web.ErrorMessages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Supplier;
import org.primefaces.model.file.UploadedFile;

/**
 * The migration screen (业务迁移): a branch's batches; a new one opened, each file the old system
 * exported uploaded, the import started (watched as it goes), each file's rows imported, rejected and
 * pending, the control totals beside the old system's, the rejected rows with their reasons, and the
 * batch signed off by another supervisor or discarded. Auditors look only.
 */
@Named
@ViewScoped
public class MigrationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A rejected row with its reason in the screen's language. */
    public record Reject(String file, int line, String reason, String row) {
    }

    @EJB
    private Migrations migrations;
    @EJB
    private MigrationJobs jobs;

    private String branchCode;
    private List<MigrationView> batches = List.of();
    private MigrationView selected;
    private List<Reject> rejects = List.of();
    private transient Map<String, UploadedFile> files;

    public void find() {
        List<MigrationView> found = Screens.attempt("branch:code", () -> migrations.ofBranch(branchCode));
        batches = found == null ? List.of() : found;
        show(batches.isEmpty() ? null : batches.get(0));
    }

    public void open() {
        MigrationView opened = Screens.attempt("branch:code", () -> migrations.open(branchCode));
        if (opened != null) {
            find();
        }
    }

    public void select(MigrationView batch) {
        show(batch);
    }

    /** Stages each file chosen (and the control totals) into the batch shown, each in place of the one before. */
    public void upload() {
        if (selected == null) {
            return;
        }
        long id = selected.id();
        boolean any = false;
        for (String field : MigrationFile.fields()) {
            UploadedFile chosen = getFiles().get(field);
            if (chosen != null && chosen.getSize() > 0) {
                any = true;
                String csv = new String(chosen.getContent(), StandardCharsets.UTF_8);
                changed(() -> MigrationFile.CONTROL_TOTALS.equals(field) ? migrations.stageControls(id, csv)
                        : migrations.stage(id, MigrationFile.ofField(field), csv), null);
            }
        }
        if (!any) {
            Screens.uploadedText(null); // says no file was chosen
        }
        getFiles().clear();
    }

    public void startImport() {
        long id = selected.id();
        changed(() -> {
            jobs.process(id);
            return migrations.view(id);
        }, null);
    }

    public void signOff() {
        long id = selected.id();
        changed(() -> migrations.signOff(id), null);
    }

    public void discard() {
        long id = selected.id();
        changed(() -> migrations.discard(id), null);
    }

    /** Polled while the batch imports. */
    public void refresh() {
        if (selected != null) {
            MigrationView now = Screens.attempt(null, () -> migrations.view(selected.id()));
            show(now == null ? selected : now);
        }
    }

    private void changed(Supplier<MigrationView> work, String clientId) {
        MigrationView done = Screens.attempt(clientId, work);
        if (done != null) {
            List<MigrationView> found = Screens.attempt(null, () -> migrations.ofBranch(done.branchCode()));
            batches = found == null ? batches : found;
            show(done);
        }
    }

    private void show(MigrationView batch) {
        selected = batch;
        if (batch == null) {
            rejects = List.of();
            return;
        }
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        List<Reject> found = Screens.attempt(null, () -> migrations.rejects(batch.id()).stream()
                .map(r -> new Reject(r.file(), r.line(), ErrorMessages.text(r.code(), locale, r.args()), r.row()))
                .toList());
        rejects = found == null ? List.of() : found;
    }

    public boolean isImporting() {
        return selected != null && "IMPORTING".equals(selected.status());
    }

    public String getBranchCode() {
        return branchCode;
    }

    public void setBranchCode(String branchCode) {
        this.branchCode = branchCode;
    }

    public List<MigrationView> getBatches() {
        return batches;
    }

    public MigrationView getSelected() {
        return selected;
    }

    public List<Reject> getRejects() {
        return rejects;
    }

    /** The files chosen for upload, by their name in a request (customers, ..., controlTotals). */
    public Map<String, UploadedFile> getFiles() {
        if (files == null) {
            files = new HashMap<>();
        }
        return files;
    }
}
