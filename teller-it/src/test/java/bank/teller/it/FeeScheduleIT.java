package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.fee.application.FeeSchedule;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fee schedule kept by administrators (issue 17): a rule takes effect from a day after today, the
 * rule it replaces ends the day before, nothing past or today changes; bad rules are refused with what
 * is wrong. (A special account's transfers only: no other test prices them.)
 */
@ExtendWith(ArquillianExtension.class)
class FeeScheduleIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("fee-schedule-it", FeeScheduleIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void aChangeTakesEffectAfterTodayAndEndsTheRuleItReplacesTheDayBefore() throws Exception {
        String admin = TestUsers.create("ADMIN");
        FeeSchedule schedule = Lookup.ejb("teller-ejb", FeeSchedule.class);
        LocalDate today = Sql.businessDate();
        FeeSchedule.RuleView first = asUser.as(admin, TestUsers.PASSWORD, () -> schedule.schedule(
                fixed("1.00", today.plusDays(1))));
        assertEquals(null, first.validTo());
        FeeSchedule.RuleView second = asUser.as(admin, TestUsers.PASSWORD, () -> schedule.schedule(
                fixed("2.00", today.plusDays(3))));
        List<FeeSchedule.RuleView> rules = asUser.supervisor(schedule::rules);
        FeeSchedule.RuleView ended = rules.stream().filter(r -> r.id() == first.id()).findFirst().orElseThrow();
        assertEquals(today.plusDays(2), ended.validTo(), "the rule replaced ends the day before");
        assertTrue(rules.stream().anyMatch(r -> r.id() == second.id() && r.validTo() == null));

        assertEquals(ErrorCode.FEE_RULE_HISTORY, refused(admin, fixed("3.00", today)), "not from today");
        assertEquals(ErrorCode.FEE_RULE_HISTORY, refused(admin, fixed("3.00", today.minusDays(1))), "nor before");
        assertEquals(ErrorCode.FEE_RULE_INVALID, refused(admin, new FeeSchedule.RuleRequest("TRANSFER", "CORPORATE",
                "CORPORATE_SPECIAL", "ANY", "TIERED", null, null, null, null, List.of(
                new FeeSchedule.TierRequest("1000.00", "1.00"), new FeeSchedule.TierRequest("500.00", "2.00"),
                new FeeSchedule.TierRequest(null, "3.00")), "分档", "tiers", today.plusDays(5).toString())),
                "tiers must rise");
        assertEquals(ErrorCode.FEE_RULE_INVALID, refused(admin, new FeeSchedule.RuleRequest("TRANSFER", "CORPORATE",
                null, "ANY", "PERCENT", null, "0.001", "5.00", "1.00", null, "比例", "percent",
                today.plusDays(5).toString())), "a maximum below the minimum");
        assertThrows(EJBAccessException.class, () -> asUser.supervisor(() -> schedule.schedule(
                fixed("4.00", today.plusDays(5)))), "administrators keep the schedule");

        FeeSchedule.RuleView stopped = asUser.as(admin, TestUsers.PASSWORD, () -> schedule.end(second.id(),
                today.plusDays(10).toString()));
        assertEquals(today.plusDays(10), stopped.validTo());
        assertEquals(List.of("WIRE_TRANSFER REJECTED true", "WIRE_TRANSFER RETURNED false"), asUser.supervisor(
                schedule::refunds).stream().map(r -> r.transactionType() + " " + r.outcome() + " " + r.refund()).toList(),
                "a rejected wire gives its fee back, a returned one keeps it (WiresIT posts both)");
        assertEquals(List.of("ANNUAL_CARD_FEE null", "SMALL_BALANCE_FEE 300.00"), asUser.supervisor(
                schedule::periodicFees).stream().map(f -> f.transactionType() + " " + f.balanceBelow()).toList(),
                "the periodic fees end of day charges at the month's end (BusinessDaysIT charges both)");
        assertEquals(2, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'FEE_RULE_SCHEDULED' AND subject IN (?, ?)",
                String.valueOf(first.id()), String.valueOf(second.id())));
    }

    private ErrorCode refused(String admin, FeeSchedule.RuleRequest request) {
        FeeSchedule schedule = Lookup.ejb("teller-ejb", FeeSchedule.class);
        return assertThrows(TellerException.class, () -> asUser.as(admin, TestUsers.PASSWORD,
                () -> schedule.schedule(request))).code();
    }

    private static FeeSchedule.RuleRequest fixed(String fee, LocalDate from) {
        return new FeeSchedule.RuleRequest("TRANSFER", "CORPORATE", "CORPORATE_SPECIAL", "ANY", "FIXED", fee, null, null,
                null, null, "专用户转账", "Special account transfer", from.toString());
    }
}
