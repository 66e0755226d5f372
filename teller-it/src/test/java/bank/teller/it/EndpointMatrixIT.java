package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the REST API (from its OpenAPI document) called by a signed-in user of every
 * role: refused with 403 FORBIDDEN exactly where the role matrix says, let through (to be refused by
 * its own validation: empty bodies, ids that do not exist) everywhere else. Every operation must be in the
 * matrix, so a new endpoint cannot be added without saying who may call it.
 */
@ExtendWith(ArquillianExtension.class)
class EndpointMatrixIT {

    private static final List<String> ROLES = List.of("TELLER", "SENIOR_TELLER", "SUPERVISOR", "BRANCH_MANAGER",
            "AUDITOR", "ADMIN");
    private static final Set<String> COUNTER = Set.of("TELLER", "SENIOR_TELLER", "SUPERVISOR", "BRANCH_MANAGER");
    private static final Set<String> READERS = Set.of("TELLER", "SENIOR_TELLER", "SUPERVISOR", "BRANCH_MANAGER",
            "AUDITOR");
    private static final Set<String> SUPERVISORS = Set.of("SUPERVISOR", "BRANCH_MANAGER");
    private static final Set<String> OVERSIGHT = Set.of("SUPERVISOR", "BRANCH_MANAGER", "AUDITOR");
    private static final Set<String> ADMIN = Set.of("ADMIN");

    /** Who may call each operation (method and path as the OpenAPI document has them, without /api). */
    private static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    static {
        allow(COUNTER, "POST /v1/accounts", "POST /v1/accounts/{number}/cards", "GET /v1/accounts/{number}/cards",
                "POST /v1/accounts/{number}/closing", "POST /v1/accounts/{number}/holds",
                "POST /v1/accounts/{number}/reactivation", "GET /v1/accounts/{number}/restrictions",
                "POST /v1/adjustments", "POST /v1/approvals/{id}/on-the-spot", "GET /v1/blank-vouchers",
                "POST /v1/blank-vouchers/returns", "POST /v1/blank-vouchers/spoilages", "POST /v1/blank-vouchers/uses",
                "POST /v1/cards/activations", "POST /v1/cards/cancellations", "POST /v1/cards/loss-reports",
                "POST /v1/cards/replacements", "POST /v1/cash-deposits", "POST /v1/cash-withdrawals",
                "POST /v1/customers/corporates", "POST /v1/customers/individuals", "POST /v1/customers/verifications",
                "POST /v1/customers/{id}/disclosures", "POST /v1/restrictions/{id}/release", "POST /v1/reversals",
                "POST /v1/tills/sessions", "GET /v1/tills/sessions/current", "POST /v1/tills/sessions/current/count",
                "GET /v1/tills/sessions/{id}/report", "POST /v1/tills/vault-transfers", "POST /v1/transfers",
                "POST /v1/vouchers/{number}/confirmation", "GET /v1/vouchers/{number}/pdf", "POST /v1/deposits",
                "POST /v1/deposits/{number}/withdrawals", "POST /v1/deposits/{number}/notice",
                "DELETE /v1/deposits/{number}/notice", "GET /v1/deposits/{number}/certificate",
                "POST /v1/deposits/{number}/loss-reports", "POST /v1/deposits/{number}/loss-reports/release",
                "POST /v1/deposits/{number}/loss-reports/reissue", "POST /v1/deposits/{number}/renewals",
                "POST /v1/wires", "POST /v1/wires/quote", "POST /v1/collections/payments",
                "POST /v1/direct-debits/mandates", "POST /v1/direct-debits/agreements/{code}/mandates/{mandateRef}/cancellation",
                "GET /v1/claims/to-pay", "POST /v1/claims/{claimNo}/payment");
        allow(READERS, "GET /v1/accounts/{number}", "POST /v1/accounts/by-card", "GET /v1/accounts/balances",
                "GET /v1/accounts/{number}/fee-quote", "GET /v1/accounts/{number}/statement",
                "GET /v1/accounts/{number}/transactions", "GET /v1/customers",
                "GET /v1/customers/{id}", "GET /v1/customers/{id}/accounts", "GET /v1/approvals/{id}",
                "GET /v1/vouchers/{number}", "GET /v1/business-day", "GET /v1/business-day/branches/{code}",
                "GET /v1/accounts/{number}/interest", "GET /v1/deposits", "GET /v1/deposits/{number}",
                "GET /v1/deposits/{number}/quote", "GET /v1/deposits/{number}/slips/{entryId}", "GET /v1/wires",
                "GET /v1/wires/{reference}", "GET /v1/collections/agreements", "GET /v1/collections/agreements/{code}/bills",
                "GET /v1/collections/agreements/{code}/bills/{billRef}", "GET /v1/direct-debits/mandates");
        allow(SUPERVISORS, "POST /v1/dead-letters/{messageId}/resend", "POST /v1/dead-letters/{messageId}/discard",
                "POST /v1/core-outbox/parked/{entryId}/resend", "PUT /v1/accounts/{number}/hot",
                "POST /v1/accounts/{number}/freezes", "POST /v1/approvals/{id}/approve",
                "POST /v1/approvals/{id}/reject", "POST /v1/blank-vouchers/issues", "POST /v1/blank-vouchers/receipts",
                "POST /v1/tills/sessions/{id}/recount", "POST /v1/tills/sessions/{id}/variance-approval",
                "POST /v1/tills/vault-transfers/{id}/confirmation", "POST /v1/tills/vault-transfers/{id}/rejection",
                "POST /v1/business-day/branches/{code}/close", "POST /v1/end-of-day", "POST /v1/end-of-day/{execution}/restart",
                "POST /v1/incoming-wires/{clearingRef}/apply", "POST /v1/incoming-wires/{clearingRef}/return",
                "POST /v1/core-reconciliation/{date}", "POST /v1/core-reconciliation/breaks/{id}/resend",
                "POST /v1/core-reconciliation/breaks/{id}/resolve", "POST /v1/core-reconciliation/breaks/{id}/adjustment",
                "POST /v1/collections/agreements", "POST /v1/collections/agreements/{code}/bills",
                "POST /v1/direct-debits/files", "POST /v1/direct-debits/files/{id}/processing",
                "POST /v1/direct-debits/files/{id}/stop", "GET /v1/claims/queue", "POST /v1/claims/{claimNo}/approval",
                "POST /v1/claims/{claimNo}/return");
        allow(OVERSIGHT, "GET /v1/core-reconciliation/{date}", "GET /v1/direct-debits/files/{id}", "GET /v1/direct-debits/files/{id}/result",
                "GET /v1/wires/follow-up", "GET /v1/collections/agreements/{code}/daily-file", "GET /v1/incoming-wires", "GET /v1/incoming-wires/{clearingRef}", "GET /v1/accounts/hot", "GET /v1/dead-letters", "GET /v1/core-outbox/parked", "GET /v1/approvals", "GET /v1/reports/large-cash", "GET /v1/reports/ledger-check", "GET /v1/tills/branch-cash",
                "POST /v1/audit/seals", "GET /v1/audit/verification", "GET /v1/end-of-day/{execution}");
        // what operations watch (the operations dashboard's figures): the outbox's depth, the last end of day
        allow(Set.of("SUPERVISOR", "BRANCH_MANAGER", "AUDITOR", "ADMIN"), "GET /v1/core-outbox", "GET /v1/end-of-day");
        allow(Set.of("AUDITOR"), "GET /v1/audit/records", "GET /v1/audit/records.csv");
        allow(SUPERVISORS, "POST /v1/terminals/{id}/cash/load", "POST /v1/terminals/{id}/cash/unload",
                "POST /v1/terminals/{id}/cash/count");
        allow(Set.of("SUPERVISOR", "BRANCH_MANAGER", "AUDITOR", "ADMIN"), "GET /v1/terminals");
        // a self-service terminal's own API: its key's role TERMINAL only, no person's
        allow(Set.of(), "POST /v1/terminal/balance", "POST /v1/terminal/statement", "POST /v1/terminal/deposits",
                "POST /v1/terminal/withdrawals", "POST /v1/terminal/withdrawals/{key}/not-dispensed",
                "POST /v1/terminal/transfers");
        allow(Set.of("SUPERVISOR", "BRANCH_MANAGER", "AUDITOR", "ADMIN"), "GET /v1/approval-policies",
                "GET /v1/fee-schedule/rules", "GET /v1/fee-schedule/waivers", "GET /v1/fee-schedule/refunds",
                "GET /v1/fee-schedule/periodic-fees");
        allow(Set.of("AUDITOR", "ADMIN"), "GET /v1/jms-accounts");
        // migration from the old system: run by supervisors or administrators, signed off by a supervisor
        allow(Set.of("SUPERVISOR", "BRANCH_MANAGER", "ADMIN"), "POST /v1/migrations", "PUT /v1/migrations/{id}/files/{file}",
                "POST /v1/migrations/{id}/import", "POST /v1/migrations/{id}/discard");
        allow(Set.of("SUPERVISOR", "BRANCH_MANAGER", "AUDITOR", "ADMIN"), "GET /v1/migrations", "GET /v1/migrations/{id}",
                "GET /v1/migrations/{id}/rejects", "GET /v1/migrations/{id}/rejects.csv");
        allow(SUPERVISORS, "POST /v1/migrations/{id}/sign-off");
        // the role dashboards (issue 19)
        allow(COUNTER, "GET /v1/dashboards/teller", "POST /v1/vouchers/{number}/rating");
        allow(OVERSIGHT, "GET /v1/dashboards/branch");
        allow(Set.of("AUDITOR"), "GET /v1/dashboards/audit");
        allow(Set.of("SUPERVISOR", "BRANCH_MANAGER", "AUDITOR", "ADMIN"), "GET /v1/dashboards/operations");
        allow(SUPERVISORS, "GET /v1/training", "POST /v1/training/reset"); // training (issue 19)
        // the business reports (issue 19)
        allow(OVERSIGHT, "GET /v1/reports/business/{report}", "GET /v1/reports/business/{report}.csv",
                "GET /v1/reports/business/{report}.xlsx", "GET /v1/reports/business/{report}.pdf");
        allow(Set.copyOf(ROLES), "GET /v1/calendar/{year}", "GET /v1/calendar/dates/{date}", "GET /v1/interest-rates",
                "POST /v1/claims", "GET /v1/claims", "GET /v1/claims/{claimNo}", "PUT /v1/claims/{claimNo}",
                "POST /v1/claims/{claimNo}/attachments", "GET /v1/claims/{claimNo}/attachments/{id}",
                "POST /v1/claims/{claimNo}/submission");
        allow(ADMIN, "POST /v1/terminals", "POST /v1/fee-schedule/rules", "POST /v1/fee-schedule/rules/{id}/end", "POST /v1/approval-policies", "POST /v1/approval-policies/{id}/retirement", "GET /v1/api-clients", "POST /v1/api-clients",
                "POST /v1/api-clients/{keyId}/revocation", "POST /v1/jms-accounts", "PUT /v1/calendar/{year}", "POST /v1/interest-rates",
                "POST /v1/jms-accounts/{username}/revocation", "GET /v1/users", "POST /v1/users",
                "POST /v1/users/{username}/disable", "POST /v1/users/{username}/password-reset",
                "PUT /v1/users/{username}/roles", "POST /v1/users/{username}/token-reset", "POST /v1/users/{username}/unlock");
    }

    /** Bodies for operations whose resource needs an id before it asks the service (the rest get {}). */
    private static final Map<String, String> BODIES = Map.of(
            "POST /v1/accounts", "{\"customerId\":0,\"accountType\":\"NONE\"}",
            "POST /v1/adjustments", "{\"entryId\":0}",
            "POST /v1/reversals", "{\"entryId\":0}",
            "POST /v1/customers/individuals", "{\"verificationId\":0}",
            "POST /v1/customers/corporates", "{\"verificationId\":0}",
            "POST /v1/collections/agreements/{code}/bills", "bill_ref,payer_name,amount\n",
            "POST /v1/direct-debits/files", "mandate_ref,amount\n");
    /** Operations that take another body than JSON. */
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "POST /v1/collections/agreements/{code}/bills", "text/csv", "POST /v1/direct-debits/files", "text/csv",
            "PUT /v1/migrations/{id}/files/{file}", "text/csv");

    private static void allow(Set<String> roles, String... operations) {
        for (String operation : operations) {
            MATRIX.put(operation, roles);
        }
    }

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("endpoint-matrix-it", EndpointMatrixIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void everyEndpointRefusesExactlyTheRolesTheMatrixLeavesOut() throws Exception {
        String account = Counter.classOneAccount(asUser, "矩阵客户");
        JsonObject paths = Https.openApi().getJsonObject("paths");
        Set<String> operations = new TreeSet<>();
        for (String path : paths.keySet()) {
            for (String method : paths.getJsonObject(path).keySet()) {
                String operation = method.toUpperCase() + " " + path.replaceFirst("^/api", "");
                if (!operation.contains("/v1/sessions")) {
                    operations.add(operation);
                }
            }
        }
        assertEquals(new TreeSet<>(MATRIX.keySet()), operations, "every operation is in the matrix, and only those");

        Map<String, String> sessions = new LinkedHashMap<>();
        for (String role : ROLES) {
            String user = TestUsers.create(role);
            sessions.put(role, Https.sessionOf(user, TestUsers.PASSWORD));
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : MATRIX.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = TestData.path(entry.getKey().substring(entry.getKey().indexOf(' ') + 1), account);
            for (String role : ROLES) {
                HttpResponse<String> response = Https.send(Https.inSession("/api" + path, sessions.get(role))
                        .setHeader("Accept", "*/*")
                        .header("Content-Type", CONTENT_TYPES.getOrDefault(entry.getKey(), "application/json"))
                        .header("Idempotency-Key", TestData.requestId("matrix"))
                        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(BODIES.getOrDefault(entry.getKey(), "{}"))).build());
                boolean refused = response.statusCode() == 403 && response.body().contains("\"FORBIDDEN\"");
                assertTrue(response.statusCode() != 401 && response.statusCode() < 500,
                        entry.getKey() + " as " + role + ": " + response.statusCode() + " " + response.body());
                if (refused == entry.getValue().contains(role)) {
                    wrong.add(entry.getKey() + " as " + role + (refused ? " was refused" : " was let through ("
                            + response.statusCode() + ")"));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
