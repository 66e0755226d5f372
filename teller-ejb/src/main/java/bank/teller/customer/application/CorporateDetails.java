package bank.teller.customer.application;

/** What the teller enters for a company. */
public record CorporateDetails(String name, String creditCode, String legalRepresentative, String registeredAddress,
                               String contactName, String contactPhone) {
}
