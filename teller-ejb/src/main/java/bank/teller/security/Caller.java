package bank.teller.security;

import java.util.Set;

/**
 * Who a request runs for, as its session's check found them: the user, their roles, their branch
 * and till. Resolved once per request ({@link RequestCaller}) and handed to the use cases through
 * {@link CurrentUser#caller}, so a posting does not look its teller up again.
 */
public record Caller(String username, Set<String> roles, String branchCode, String tillCode) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
