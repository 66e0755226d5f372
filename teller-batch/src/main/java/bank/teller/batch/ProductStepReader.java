package bank.teller.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/**
 * The accounts of a partition with something due in a product's step ({@code product}: the {@link
 * bank.teller.calendar.application.ProductStep}'s name). An account leaves the due ones when it is
 * done (each in a transaction of its own), so a restart reads the range again: no checkpoint.
 */
@Named
@Dependent
public class ProductStepReader extends AccountRangeReader<String> {

    @Inject
    @BatchProperty
    private String product;

    @Override
    protected long total(LocalDate closing, String after, String upTo) {
        return work.countProductDue(product, after, upTo, closing);
    }

    @Override
    protected List<String> page(LocalDate closing, String last, String after, String upTo, int max) {
        return work.productDuePage(product, last == null ? after : last, upTo, closing, max);
    }

    @Override
    protected int pageSize() {
        return 200;
    }

    @Override
    protected String checkpointOf(String last) {
        return null;
    }
}
