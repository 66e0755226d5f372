package bank.teller.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * A partition's range of account numbers, as end of day's steps read it in SQL over the table alias
 * {@code a}: after {@code after} (excluded; null: from the first) up to {@code upTo} (included; null:
 * to the last).
 */
public record AccountRange(String after, String upTo) {

    /** The condition, to be joined to the statement's others with AND. */
    public String sql() {
        return "a.account_number > ?" + (upTo == null ? "" : " AND a.account_number <= ?");
    }

    /** The statement's parameters: {@code before}, the range's start ("" for none) and end (if any), then {@code rest}. */
    public Object[] parameters(List<?> before, Object... rest) {
        List<Object> all = new ArrayList<>(before);
        all.add(after == null ? "" : after);
        if (upTo != null) {
            all.add(upTo);
        }
        all.addAll(List.of(rest));
        return all.toArray();
    }
}
