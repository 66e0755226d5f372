package bank.teller.batch;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Splits the accounts into ranges of account numbers of about the same size, one per partition:
 * as many as the run's {@code partitions} parameter says (default: the server's cores). Each
 * partition gets {@code after} (its range's start, excluded), {@code upTo} (its end, included;
 * empty for the last) and its number. A restart keeps the plan of the run it restarts.
 */
@Named
@Dependent
public class AccountPartitions implements PartitionMapper {

    static final String AFTER = "after";
    static final String UP_TO = "upTo";
    static final String PARTITION = "partition";
    static final int MAX = 64;

    @Inject
    private JobContext job;
    @EJB
    private EndOfDayWork work;

    @Override
    public PartitionPlan mapPartitions() {
        List<String> ends = work.rangeEnds(partitions(job.getProperties().getProperty(EndOfDayRun.PARTITIONS)));
        List<Properties> ranges = new ArrayList<>();
        String after = "";
        for (int i = 0; i <= ends.size(); i++) {
            Properties range = new Properties();
            range.setProperty(AFTER, after);
            range.setProperty(UP_TO, i < ends.size() ? ends.get(i) : "");
            range.setProperty(PARTITION, String.valueOf(i + 1));
            ranges.add(range);
            after = i < ends.size() ? ends.get(i) : after;
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(ranges.size());
        plan.setThreads(ranges.size());
        plan.setPartitionProperties(ranges.toArray(Properties[]::new));
        return plan;
    }

    /** The number of partitions asked for (checked when the run starts, {@link #requireValid}), default the cores. */
    static int partitions(String asked) {
        return asked == null || asked.isBlank() ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(asked);
    }

    /** Refuses a number of partitions outside 1 to {@value #MAX} (VALIDATION_FAILED). */
    static int requireValid(int partitions) {
        if (partitions < 1 || partitions > MAX) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "partitions", "a number from 1 to " + MAX);
        }
        return partitions;
    }
}
