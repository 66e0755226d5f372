package bank.teller.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * How long the supervisor's dashboard takes to open over a large database (bench/dashboard): the
 * branch dashboard through the API ({@code GET /dashboards/branch}) and the home page that draws it,
 * each {@code -Druns} times after five to warm up, as the demo supervisor of branch 0001; and, as the
 * baseline in the same run, the same figures of branch 0001 (today by hour and type, the last 60 days
 * by day) read from the journal as a dashboard without summary tables would. Prints the medians,
 * the 95th percentiles and the ratio of the dashboard to the journal's reading.
 */
public final class DashboardBench {

    private static final String JOURNAL_TODAY = "SELECT EXTRACT(HOUR FROM (e.posted_at AT TIME ZONE 'Asia/Shanghai')), "
            + "e.entry_type, COUNT(*), SUM(l.amount) FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id "
            + "AND l.side = 'DEBIT' WHERE e.branch_code = '0001' AND e.business_date = (SELECT business_date FROM "
            + "business_day) GROUP BY 1, 2";
    private static final String JOURNAL_DAYS = "SELECT e.business_date, COUNT(*), SUM(l.amount) FROM journal_entry e "
            + "JOIN journal_line l ON l.entry_id = e.id AND l.side = 'DEBIT' WHERE e.branch_code = '0001' "
            + "AND e.business_date >= (SELECT business_date FROM business_day) - 60 "
            + "AND e.business_date < (SELECT business_date FROM business_day) GROUP BY 1";

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 30);
        Api supervisor = Target.supervisor();
        HttpClient http = Api.client();
        Callable<Connection> database = Target.database();

        List<Double> api = time(runs, () -> {
            Api.Answer answer = supervisor.get(http, "/dashboards/branch");
            if (answer.status() != 200 || answer.json().getInt("entries") == 0) {
                throw new IllegalStateException("the branch dashboard answered " + answer.status() + " " + answer.body());
            }
        });
        List<Double> page = time(runs, () -> {
            Api.Answer answer = supervisor.page(http, "/teller/app/home.xhtml");
            if (answer.status() != 200 || !answer.body().contains("hour-chart")) {
                throw new IllegalStateException("the home page answered " + answer.status() + " without its charts");
            }
        });
        List<Double> journal;
        long entries;
        try (Connection c = database.call()) {
            journal = time(Math.max(3, runs / 6), () -> {
                read(c, JOURNAL_TODAY);
                read(c, JOURNAL_DAYS);
            });
            entries = count(c, "SELECT COUNT(*) FROM journal_entry");
            System.out.printf("data journal_entries=%d branches=%d activity_hour_rows=%d activity_teller_rows=%d "
                            + "branch_day_figure_rows=%d%n", entries, count(c, "SELECT COUNT(*) FROM branch"),
                    count(c, "SELECT COUNT(*) FROM activity_hour"), count(c, "SELECT COUNT(*) FROM activity_teller"),
                    count(c, "SELECT COUNT(*) FROM branch_day_figure"));
        }
        print("api", api);
        print("page", page);
        print("journal", journal);
        System.out.printf("ratio api_to_journal=%.4f page_to_journal=%.4f%n", median(api) / median(journal),
                median(page) / median(journal));
    }

    interface Work {
        void run() throws Exception;
    }

    /** Milliseconds of each of {@code runs} runs, after five that warm up. */
    private static List<Double> time(int runs, Work work) throws Exception {
        for (int i = 0; i < 5; i++) {
            work.run();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        return ms;
    }

    private static void read(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                r.getObject(1);
            }
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double median(List<Double> ms) {
        return percentile(ms, 50);
    }

    private static double percentile(List<Double> ms, int p) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void print(String what, List<Double> ms) {
        System.out.printf("timing what=%s runs=%d median_ms=%.1f p95_ms=%.1f max_ms=%.1f%n", what, ms.size(), median(ms),
                percentile(ms, 95), Collections.max(ms));
    }
}
