package bank.teller.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bank.teller.integration.Reconciliation.Category;
import bank.teller.integration.Reconciliation.CoreLine;
import bank.teller.integration.Reconciliation.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static List<Line> deposit(String account, String amount) {
        return List.of(new Line(1, "1001", null, "DEBIT", new BigDecimal(amount)),
                new Line(2, "2011", account, "CREDIT", new BigDecimal(amount)));
    }

    private static List<CoreLine> booked(long entry, String ref, List<Line> lines) {
        return lines.stream().map(l -> new CoreLine(entry, ref, l)).toList();
    }

    @Test
    void aCleanDayMatchesEveryEntryWhateverTheOrderOfItsLines() {
        List<CoreLine> core = new ArrayList<>(booked(2, "C2", deposit("0001010000000016", "5.00")));
        List<CoreLine> backwards = new ArrayList<>(booked(1, "C1", deposit("0001010000000024", "10.00")));
        java.util.Collections.reverse(backwards);
        core.addAll(backwards);
        Reconciliation.Result result = Reconciliation.compare(Map.of(1L, deposit("0001010000000024", "10.00"),
                2L, deposit("0001010000000016", "5.00")), core);
        assertEquals(List.of(1L, 2L), result.matched());
        assertEquals(List.of(), result.breaks());
    }

    @Test
    void eachMisbehaviourIsItsOwnBreak() {
        List<CoreLine> core = new ArrayList<>();
        // 1 dropped; 2 booked with 0.01 more; 3 booked twice; 4 to another account; 9 never sent by Teller
        core.addAll(booked(2, "C2", deposit("0001010000000016", "5.01")));
        core.addAll(booked(3, "C3", deposit("0001010000000016", "7.00")));
        core.addAll(booked(3, "C3B", deposit("0001010000000016", "7.00")));
        core.addAll(booked(4, "C4", deposit("0001010000000032", "8.00")));
        core.addAll(booked(9, "C9", deposit("0001010000000016", "1.00")));
        core.addAll(booked(5, "C5", deposit("0001010000000016", "2.00")));
        Reconciliation.Result result = Reconciliation.compare(Map.of(1L, deposit("0001010000000016", "4.00"),
                2L, deposit("0001010000000016", "5.00"), 3L, deposit("0001010000000016", "7.00"),
                4L, deposit("0001010000000016", "8.00"), 5L, deposit("0001010000000016", "2.00")), core);
        assertEquals(List.of(5L), result.matched());
        assertEquals(List.of("TELLER_ONLY 1 null 4.00", "AMOUNT_MISMATCH 2 C2 5.00", "DUPLICATED 3 C3 7.00",
                        "ACCOUNT_MISMATCH 4 C4 8.00", "CORE_ONLY 9 C9 1.00"),
                result.breaks().stream().map(b -> b.category() + " " + b.entryId() + " " + b.coreRef() + " "
                        + b.amount().toPlainString()).toList());
        assertEquals("Teller D 1001 5.00, C 2011/0001010000000016 5.00; core D 1001 5.01, C 2011/0001010000000016 5.01",
                result.breaks().get(1).detail());
        assertEquals(Category.values().length, result.breaks().stream().map(Reconciliation.Break::category).distinct().count());
    }
}
