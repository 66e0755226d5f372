package bank.teller.customer.application;

import java.time.LocalDate;

/**
 * What the teller enters for an individual. Birth date and gender are optional: when given they
 * must agree with the resident ID (a typing check against the card).
 */
public record IndividualDetails(String name, String residentId, LocalDate birthDate, String gender,
                                String phone, String address, String occupation) {
}
