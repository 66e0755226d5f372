package bank.teller.customer.domain;

/** Individual (个人) or corporate (单位) customer; each is identified by its own kind of document. */
public enum CustomerType {
    INDIVIDUAL(IdType.RESIDENT_ID),
    CORPORATE(IdType.CREDIT_CODE);

    private final IdType idType;

    CustomerType(IdType idType) {
        this.idType = idType;
    }

    public IdType idType() {
        return idType;
    }
}
