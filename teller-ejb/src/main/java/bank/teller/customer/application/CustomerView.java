package bank.teller.customer.application;

import bank.teller.customer.domain.Customer;
import bank.teller.customer.domain.CustomerType;

/**
 * A customer as callers see it: the ID number of an individual and every phone number masked, and
 * no birth date, so that nothing in one answer rebuilds a number; gender for individuals only,
 * legal representative and contact for companies only. The teller checking the customer's
 * document sees the numbers in full through {@link Customers#reveal}, which is audited.
 */
public record CustomerView(long id, String type, String name, String idNumberMasked, String gender, String phone,
                           String address, String occupation, String legalRepresentative, String contactName,
                           String contactPhone, boolean verified) {

    public static CustomerView of(Customer c) {
        boolean individual = c.type() == CustomerType.INDIVIDUAL;
        return new CustomerView(c.id(), c.type().name(), c.name(), c.maskedIdNumber(),
                individual ? c.residentId().gender() : null, Customer.maskedPhone(c.phone()), c.address(), c.occupation(),
                c.legalRepresentative(), c.contactName(), Customer.maskedPhone(c.contactPhone()), c.verified());
    }
}
