package bank.teller.audit;

import bank.teller.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the audit trail, the records committed so far linked first ({@link AuditChainer}): every
 * chain from its first record (numbers without gaps, each record
 * linked to the one before, each hash that of its own content), then every seal (its MAC, and the
 * sealed heads still there with the same hash). Reports the first broken link of each chain:
 * a MODIFIED record, DELETED records (a gap), an INSERTED record (one that does not link), a seal
 * that does not match (TAIL_REWRITTEN) or was not made with the key (SEAL_FORGED).
 */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.SUPERVISOR})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditVerifier {

    private static final int PAGE = 1000;

    public enum Problem { MODIFIED, DELETED, INSERTED, TAIL_REWRITTEN, SEAL_FORGED }

    public record Finding(Problem problem, String chain, long chainSeq, Long recordId, String explanation) {
    }

    public record Report(long records, int chains, int seals, List<Finding> findings) {
        public boolean intact() {
            return findings.isEmpty();
        }
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private AuditChainer chainer;

    public Report verify() {
        chainer.chainPending();
        List<Finding> findings = new ArrayList<>();
        Map<String, Map<Long, String>> hashes = new HashMap<>();
        long records = 0;
        List<String> chains = em.createQuery("SELECT DISTINCT r.chain FROM AuditRecord r ORDER BY r.chain", String.class)
                .getResultList();
        for (String chain : chains) {
            Map<Long, String> chainHashes = new HashMap<>();
            hashes.put(chain, chainHashes);
            records += verifyChain(chain, chainHashes, findings);
        }
        List<AuditSeal> all = em.createQuery("SELECT s FROM AuditSeal s ORDER BY s.id", AuditSeal.class).getResultList();
        for (AuditSeal seal : all) {
            verifySeal(seal, hashes, findings);
        }
        return new Report(records, chains.size(), all.size(), List.copyOf(findings));
    }

    /** Walks one chain in order; its first broken link is reported and the walk goes on from there. */
    private long verifyChain(String chain, Map<Long, String> chainHashes, List<Finding> findings) {
        long expectedSeq = 1;
        String previousHash = AuditChain.GENESIS;
        boolean broken = false;
        long count = 0;
        for (int first = 0; ; first += PAGE) {
            List<AuditRecord> page = em.createQuery("SELECT r FROM AuditRecord r WHERE r.chain = :chain "
                            + "AND r.chainSeq IS NOT NULL ORDER BY r.chainSeq", AuditRecord.class)
                    .setParameter("chain", chain).setFirstResult(first).setMaxResults(PAGE).getResultList();
            for (AuditRecord r : page) {
                count++;
                long seq = r.chainSeq();
                chainHashes.put(seq, r.hash());
                String problem = null;
                Problem kind = null;
                if (seq != expectedSeq) {
                    kind = Problem.DELETED;
                    problem = "records " + expectedSeq + " to " + (seq - 1) + " are missing";
                } else if (!r.hash().equals(AuditChain.hash(r.prevHash(), r.canonical()))) {
                    kind = Problem.MODIFIED;
                    problem = "the record's content no longer matches its hash";
                } else if (!r.prevHash().equals(previousHash)) {
                    kind = Problem.INSERTED;
                    problem = "the record does not follow the record before it";
                }
                if (kind != null && !broken) {
                    findings.add(new Finding(kind, chain, seq, r.id(), problem));
                    broken = true;
                }
                expectedSeq = seq + 1;
                previousHash = r.hash();
            }
            if (page.size() < PAGE) {
                return count;
            }
            em.clear();
        }
    }

    private void verifySeal(AuditSeal seal, Map<String, Map<Long, String>> hashes, List<Finding> findings) {
        if (!AuditSeals.authentic(seal)) {
            findings.add(new Finding(Problem.SEAL_FORGED, "-", 0, seal.id(),
                    "seal " + seal.id() + " of " + seal.sealedAt() + " was not made with this bank's key"));
            return;
        }
        for (String line : seal.heads().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] head = line.split(" ");
            long seq = Long.parseLong(head[1]);
            String now = hashes.getOrDefault(head[0], Map.of()).get(seq);
            if (!head[2].equals(now)) {
                findings.add(new Finding(Problem.TAIL_REWRITTEN, head[0], seq, seal.id(),
                        "record " + seq + " differs from what seal " + seal.id() + " of " + seal.sealedAt() + " sealed"));
            }
        }
    }
}
