package bank.teller.till.application;

import java.util.List;

/** The branch's cash as a supervisor watches it: the vault and every till of the business date. */
public record BranchCash(String branchCode, String vaultPosition, List<TillView> tills,
                         List<VaultTransferView> pendingTransfers) {
}
