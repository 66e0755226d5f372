--liquibase formatted sql

--changeset teller:015-role-limits
-- The most one person of a role may book (as maker) or approve (as checker) in one transaction of a
-- kind. A person with several roles has the highest of their limits; a caller of no role listed
-- here (a channel system) is bound by the account rules only. Amounts in CNY.
CREATE TABLE role_limit (
    role_name  VARCHAR(30)    NOT NULL,
    operation  VARCHAR(40)    NOT NULL,
    max_amount DECIMAL(19, 2) NOT NULL,
    PRIMARY KEY (role_name, operation),
    CONSTRAINT role_limit_positive CHECK (max_amount > 0)
);
INSERT INTO role_limit (role_name, operation, max_amount) VALUES
    ('TELLER',         'CASH_DEPOSIT',       1000000.00),
    ('TELLER',         'CASH_WITHDRAWAL',     200000.00),
    ('TELLER',         'TRANSFER',           1000000.00),
    ('SENIOR_TELLER',  'CASH_DEPOSIT',       5000000.00),
    ('SENIOR_TELLER',  'CASH_WITHDRAWAL',    1000000.00),
    ('SENIOR_TELLER',  'TRANSFER',           5000000.00),
    ('SUPERVISOR',     'CASH_DEPOSIT',      10000000.00),
    ('SUPERVISOR',     'CASH_WITHDRAWAL',    5000000.00),
    ('SUPERVISOR',     'TRANSFER',          20000000.00),
    ('BRANCH_MANAGER', 'CASH_DEPOSIT',      50000000.00),
    ('BRANCH_MANAGER', 'CASH_WITHDRAWAL',   20000000.00),
    ('BRANCH_MANAGER', 'TRANSFER',         100000000.00);
