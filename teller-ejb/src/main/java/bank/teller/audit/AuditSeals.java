package bank.teller.audit;

import bank.teller.platform.ClusterPrimary;
import bank.teller.security.Roles;
import bank.teller.shared.ServerKeys;
import bank.teller.shared.StoredTime;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The daily seal of the audit trail: every chain's head (sequence and hash) at that moment, under
 * an HMAC-SHA256 with a key the database does not hold. Someone who rewrites a chain's tail and
 * recomputes every hash still cannot make the sealed heads match, nor forge a new seal. The key is
 * {@code teller.audit.mac-key} or the data file {@code audit-mac.key} ({@link ServerKeys}).
 */
@Stateless
@RunAs(Roles.AUDITOR)
@RolesAllowed({Roles.AUDITOR, Roles.SUPERVISOR})
public class AuditSeals {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private AuditTrail trail;
    @EJB
    private AuditChainer chainer;
    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /**
     * Seals the trail as it stands (every record committed so far linked first): once a day by the
     * timer, and whenever an auditor asks. The seal is itself a record of the trail, after the heads
     * it seals (so the next seal covers it).
     */
    public long seal() {
        chainer.chainPending(); // what was committed before the seal is linked, and sealed
        Instant now = StoredTime.now(clock);
        String heads = heads();
        AuditSeal seal = new AuditSeal(now, heads, mac(now, heads));
        em.persist(seal);
        em.flush();
        // recorded for the caller (an auditor, a supervisor, or the daily timer), not for this bean's run-as identity
        String roles = Stream.of(Roles.AUDITOR, Roles.SUPERVISOR).filter(context::isCallerInRole)
                .collect(Collectors.joining(","));
        trail.recordFor(context.getCallerPrincipal().getName(), roles, null, "AUDIT_SEALED", "audit-seal:" + seal.id(),
                heads.lines().count() + " chains sealed", AuditEvent.SUCCESS);
        return seal.id();
    }

    @Schedule(hour = "23", minute = "50", persistent = false, info = "daily audit seal")
    void daily() {
        if (ClusterPrimary.here()) {
            seal();
        }
    }

    /** Whether {@code seal} was made with this server's key. */
    static boolean authentic(AuditSeal seal) {
        return MessageDigest.isEqual(mac(seal.sealedAt(), seal.heads()).getBytes(StandardCharsets.US_ASCII),
                seal.mac().getBytes(StandardCharsets.US_ASCII));
    }

    /** The chains' heads, one "chain seq hash" line each, in chain order (from the records, not the head rows). */
    private String heads() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.chain, r.chain_seq, r.hash FROM audit_record r "
                + "WHERE r.chain_seq = (SELECT MAX(x.chain_seq) FROM audit_record x WHERE x.chain = r.chain) "
                + "ORDER BY r.chain").getResultList();
        return rows.stream().map(r -> r[0] + " " + r[1] + " " + r[2]).collect(Collectors.joining("\n"));
    }

    static String mac(Instant sealedAt, String heads) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ServerKeys.key("teller.audit.mac-key", "audit-mac.key"), "HmacSHA256"));
            mac.update(sealedAt.toString().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '\n');
            return HexFormat.of().formatHex(mac.doFinal(heads.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("audit seal MAC", e);
        }
    }
}
