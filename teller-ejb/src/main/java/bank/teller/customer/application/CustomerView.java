package bank.teller.customer.application;

import bank.teller.customer.domain.Customer;
import bank.teller.customer.domain.CustomerType;
import java.time.LocalDate;

/**
 * A customer as callers see it: the ID number masked for individuals; birth date and gender (from
 * the resident ID) for individuals only, legal representative and contact for companies only.
 */
public record CustomerView(long id, String type, String name, String idNumberMasked, LocalDate birthDate,
                           String gender, String phone, String address, String occupation,
                           String legalRepresentative, String contactName, String contactPhone,
                           boolean verified) {

    public static CustomerView of(Customer c) {
        boolean individual = c.type() == CustomerType.INDIVIDUAL;
        return new CustomerView(c.id(), c.type().name(), c.name(), c.maskedIdNumber(),
                individual ? c.residentId().birthDate() : null, individual ? c.residentId().gender() : null,
                c.phone(), c.address(), c.occupation(), c.legalRepresentative(), c.contactName(),
                c.contactPhone(), c.verified());
    }
}
