package bank.teller.it;

import bank.teller.account.application.AccountOpening;
import bank.teller.customer.application.CorporateDetails;
import bank.teller.customer.application.CustomerView;
import bank.teller.customer.application.Customers;
import bank.teller.customer.application.IndividualDetails;
import bank.teller.till.application.VoucherStock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;

/**
 * What a teller does before any posting, for in-container tests: verify a new customer's identity,
 * register them, open accounts. Fresh ID numbers every time.
 */
public final class Counter {

    private Counter() {
    }

    /** A new verified individual. */
    public static CustomerView individual(AsUser asUser, String name) throws Exception {
        Customers customers = Lookup.ejb("teller-ejb", Customers.class);
        String residentId = TestData.residentId();
        return asUser.teller(() -> customers.registerIndividual(
                new IndividualDetails(name, residentId, null, null, "13800138000", "北京市西城区金融大街1号", null),
                customers.verify("RESIDENT_ID", residentId, name).id(), TestData.requestId("register")));
    }

    /** A new verified company. */
    public static CustomerView company(AsUser asUser, String name) throws Exception {
        Customers customers = Lookup.ejb("teller-ejb", Customers.class);
        String code = TestData.creditCode();
        return asUser.teller(() -> customers.registerCorporate(
                new CorporateDetails(name, code, "法人代表", "北京市海淀区中关村大街1号", "联系人", "010-12345678"),
                customers.verify("CREDIT_CODE", code, name).id(), TestData.requestId("register")));
    }

    /** A new account of {@code type} for the customer; returns its number. */
    public static String open(AsUser asUser, CustomerView customer, String type, LocalDate expiresOn) throws Exception {
        AccountOpening opening = Lookup.ejb("teller-ejb", AccountOpening.class);
        return asUser.teller(() -> opening.open(customer.id(), type, expiresOn, TestData.requestId("open")))
                .accountNumber();
    }

    /** {@code count} new certificate blanks, received by the branch and issued to {@code teller}'s till; their numbers. */
    public static List<String> certificatesInTill(AsUser asUser, String teller, int count) throws Exception {
        VoucherStock stock = Lookup.ejb("teller-ejb", VoucherStock.class);
        String till = Sql.string("SELECT till_code FROM app_user WHERE username = ?", teller);
        long first = System.nanoTime() % 90_000_000L + 10_000_000L;
        String from = String.format("%08d", first);
        String to = String.format("%08d", first + count - 1);
        asUser.supervisor(() -> stock.receive("CERTIFICATE", from, to));
        asUser.supervisor(() -> stock.issueToTill("CERTIFICATE", from, to, till));
        return LongStream.range(0, count).mapToObj(i -> String.format("%08d", first + i)).toList();
    }

    /** A class-I account for a new individual; returns its number. */
    public static String classOneAccount(AsUser asUser, String name) throws Exception {
        return open(asUser, individual(asUser, name), "INDIVIDUAL_I", null);
    }
}
