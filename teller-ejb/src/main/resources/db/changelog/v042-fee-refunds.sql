--liquibase formatted sql

--changeset teller:042-fee-refunds
-- Whether a transaction's fee goes back with its money when it fails after it was charged (issue 17): a
-- wire rejected by clearing gives the fee back, one returned by the payee's bank (退汇) keeps it.
CREATE TABLE fee_refund_rule (
    transaction_type VARCHAR(30)  NOT NULL,
    outcome          VARCHAR(12)  NOT NULL,
    refund           BOOLEAN      NOT NULL,
    description_zh   VARCHAR(100) NOT NULL,
    description_en   VARCHAR(100) NOT NULL,
    PRIMARY KEY (transaction_type, outcome)
);
INSERT INTO fee_refund_rule (transaction_type, outcome, refund, description_zh, description_en) VALUES
    ('WIRE_TRANSFER', 'REJECTED', TRUE, '清算拒绝：退还手续费', 'Rejected by clearing: the fee is refunded'),
    ('WIRE_TRANSFER', 'RETURNED', FALSE, '收款行退汇：手续费不退', 'Returned by the payee''s bank: the fee is kept');
