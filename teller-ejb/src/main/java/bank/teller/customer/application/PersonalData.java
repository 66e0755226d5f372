package bank.teller.customer.application;

import bank.teller.customer.domain.Customer;
import bank.teller.customer.domain.CustomerType;
import java.time.LocalDate;

/**
 * What {@link CustomerView} masks, in full: for the teller who checks the customer's document at
 * the counter, and only through {@link Customers#reveal}, which records who saw it.
 */
public record PersonalData(long customerId, String idNumber, LocalDate birthDate, String phone, String contactPhone) {

    static PersonalData of(Customer c) {
        return new PersonalData(c.id(), c.idNumber(),
                c.type() == CustomerType.INDIVIDUAL ? c.residentId().birthDate() : null, c.phone(), c.contactPhone());
    }
}
