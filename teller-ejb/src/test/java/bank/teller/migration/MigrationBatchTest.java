package bank.teller.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    private static MigrationBatch imported() {
        MigrationBatch batch = new MigrationBatch("0102", LocalDate.of(2026, 11, 30), "super1", NOW);
        batch.importing();
        batch.imported();
        return batch;
    }

    @Test
    void anImportedBatchIsSignedOffByAnotherSupervisorOnlyAndThenNeverDiscarded() {
        MigrationBatch batch = imported();
        assertEquals(ErrorCode.MIGRATION_SIGN_OFF_BY_LOADER,
                assertThrows(TellerException.class, () -> batch.signedOff("super1", NOW)).code());
        batch.signedOff("super2", NOW);
        assertEquals(MigrationBatch.Status.SIGNED_OFF, batch.status());
        assertEquals(ErrorCode.MIGRATION_STATE, assertThrows(TellerException.class, () -> batch.discarded("super2", NOW)).code());
        assertEquals(ErrorCode.MIGRATION_STATE, assertThrows(TellerException.class, batch::importing).code());
    }

    @Test
    void aBatchIsNotDiscardedWhileItImportsNorSignedOffBeforeItIsImported() {
        MigrationBatch batch = new MigrationBatch("0102", LocalDate.of(2026, 11, 30), "super1", NOW);
        batch.importing();
        assertEquals(ErrorCode.MIGRATION_STATE, assertThrows(TellerException.class, () -> batch.discarded("super1", NOW)).code());
        assertEquals(ErrorCode.MIGRATION_STATE, assertThrows(TellerException.class, () -> batch.signedOff("super2", NOW)).code());
        batch.imported();
        batch.discarded("super1", NOW);
        assertEquals(MigrationBatch.Status.DISCARDED, batch.status());
        assertEquals(false, batch.standing());
    }

    @Test
    void aRejectionKeepsItsCodeAndTheArgumentsOfItsMessage() {
        MigrationRow row = new MigrationRow(1, MigrationFile.ACCOUNTS, 7, "x", "6222");
        row.rejected("ACCOUNT_NUMBER_INVALID", List.of("6222", 3));
        assertEquals(MigrationRow.REJECTED, row.status());
        assertEquals(List.of("6222", "3"), row.detail());
    }
}
