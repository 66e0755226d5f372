--liquibase formatted sql

--changeset teller:046-online-account-opening
-- Class II/III accounts opened by online and mobile banking (线上开户, issue 18), bound to the customer's
-- class I account at another bank: which account, at which bank, and the verification service's answer
-- that it is the customer's. (One bound to a class I account at this bank keeps account.bound_account.)
CREATE TABLE account_external_binding (
    account_number  VARCHAR(16)  PRIMARY KEY REFERENCES account (account_number),
    bank_code       VARCHAR(12)  NOT NULL,
    bound_account   VARCHAR(32)  NOT NULL,
    verification_ref VARCHAR(40) NOT NULL,
    bound_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
