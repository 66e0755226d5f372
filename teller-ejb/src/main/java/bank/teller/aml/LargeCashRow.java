package bank.teller.aml;

import bank.teller.customer.domain.IdType;
import java.time.LocalDate;

/**
 * One cash posting of a customer whose cash that day reached the threshold (in or out, singly or
 * together): what the large-transaction report lists. The ID number is in full only in the filing.
 */
public record LargeCashRow(LocalDate businessDate, long customerId, String customerName, String idType,
                           String idNumber, String accountNumber, long entryId, String type, String direction,
                           String amount, String teller, String customerCashIn, String customerCashOut) {

    /** The same row with the ID number as screens show it (a resident ID masked). */
    LargeCashRow masked() {
        return new LargeCashRow(businessDate, customerId, customerName, idType, IdType.valueOf(idType).mask(idNumber),
                accountNumber, entryId, type, direction, amount, teller, customerCashIn, customerCashOut);
    }
}
