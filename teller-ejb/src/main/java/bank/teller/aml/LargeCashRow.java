package bank.teller.aml;

import java.time.LocalDate;

/**
 * One cash posting of a customer whose cash that day reached the threshold (in or out, singly or
 * together): what the large-transaction report lists.
 */
public record LargeCashRow(LocalDate businessDate, long customerId, String customerName, String idNumber,
                           String accountNumber, long entryId, String type, String direction, String amount,
                           String teller, String customerCashIn, String customerCashOut) {
}
