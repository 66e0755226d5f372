--liquibase formatted sql

--changeset teller:001-reference-data
CREATE TABLE business_day (
    id            INTEGER PRIMARY KEY,
    business_date DATE NOT NULL,
    CONSTRAINT business_day_single_row CHECK (id = 1)
);
INSERT INTO business_day (id, business_date) VALUES (1, CURRENT_DATE);

CREATE TABLE branch (
    code    VARCHAR(4)  PRIMARY KEY,
    name_zh VARCHAR(60) NOT NULL,
    name_en VARCHAR(60) NOT NULL
);

CREATE TABLE gl_account (
    code        VARCHAR(8)  PRIMARY KEY,
    name_zh     VARCHAR(60) NOT NULL,
    name_en     VARCHAR(60) NOT NULL,
    gl_type     VARCHAR(10) NOT NULL,
    normal_side VARCHAR(6)  NOT NULL,
    CONSTRAINT gl_account_type CHECK (gl_type IN ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    CONSTRAINT gl_account_side CHECK (normal_side IN ('DEBIT', 'CREDIT'))
);
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('1001', '库存现金-柜员尾箱', 'Till cash', 'ASSET', 'DEBIT');
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('1002', '库存现金-库房', 'Vault cash', 'ASSET', 'DEBIT');
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('1011', '清算资金往来', 'Clearing', 'ASSET', 'DEBIT');
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('1221', '其他应收款-短款', 'Cash shortage', 'ASSET', 'DEBIT');
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('2011', '个人活期存款', 'Individual demand deposits', 'LIABILITY', 'CREDIT');
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('2012', '单位活期存款', 'Corporate demand deposits', 'LIABILITY', 'CREDIT');
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('2013', '个人定期存款', 'Individual time deposits', 'LIABILITY', 'CREDIT');
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('2241', '其他应付款-长款', 'Cash overage', 'LIABILITY', 'CREDIT');
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('2251', '待处理挂账', 'Suspense', 'LIABILITY', 'CREDIT');
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('6021', '手续费收入', 'Fee income', 'INCOME', 'CREDIT');
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('6411', '利息支出', 'Interest expense', 'EXPENSE', 'DEBIT');

--changeset teller:001-users
CREATE TABLE app_user (
    username      VARCHAR(40)  PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    display_name  VARCHAR(60)  NOT NULL,
    branch_code   VARCHAR(4)   NOT NULL REFERENCES branch (code),
    enabled       BOOLEAN      NOT NULL
);
CREATE TABLE app_user_role (
    username  VARCHAR(40) NOT NULL REFERENCES app_user (username),
    role_name VARCHAR(30) NOT NULL,
    PRIMARY KEY (username, role_name)
);

--changeset teller:001-customers-and-accounts
-- EclipseLink pre-allocates ids: a value v of a sequence INCREMENT BY 50 stands for v-49..v, so
-- such sequences start at 50.
CREATE SEQUENCE customer_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE account_serial_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE customer (
    id          BIGINT       PRIMARY KEY,
    name        VARCHAR(60)  NOT NULL,
    resident_id VARCHAR(18)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    created_by  VARCHAR(40)  NOT NULL,
    CONSTRAINT customer_resident_id_unique UNIQUE (resident_id)
);
CREATE TABLE account (
    account_number VARCHAR(16)    PRIMARY KEY,
    customer_id    BIGINT         NOT NULL REFERENCES customer (id),
    branch_code    VARCHAR(4)     NOT NULL REFERENCES branch (code),
    gl_code        VARCHAR(8)     NOT NULL REFERENCES gl_account (code),
    product        VARCHAR(20)    NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    balance        NUMERIC(19, 2) NOT NULL,
    status         VARCHAR(10)    NOT NULL,
    opened_on      DATE           NOT NULL,
    version        BIGINT         NOT NULL,
    CONSTRAINT account_no_overdraft CHECK (balance >= 0),
    CONSTRAINT account_status CHECK (status IN ('ACTIVE', 'DORMANT', 'FROZEN', 'CLOSED'))
);
CREATE INDEX account_customer_idx ON account (customer_id);

--changeset teller:001-ledger
CREATE SEQUENCE journal_entry_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE journal_line_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE journal_entry (
    id            BIGINT      PRIMARY KEY,
    entry_type    VARCHAR(30) NOT NULL,
    business_date DATE        NOT NULL,
    branch_code   VARCHAR(4)  NOT NULL REFERENCES branch (code),
    teller        VARCHAR(40) NOT NULL,
    request_id    VARCHAR(64) NOT NULL,
    posted_at     TIMESTAMP   NOT NULL
);
CREATE INDEX journal_entry_date_idx ON journal_entry (business_date);
CREATE TABLE journal_line (
    id             BIGINT         PRIMARY KEY,
    entry_id       BIGINT         NOT NULL REFERENCES journal_entry (id),
    line_no        INTEGER        NOT NULL,
    gl_code        VARCHAR(8)     NOT NULL REFERENCES gl_account (code),
    account_number VARCHAR(16)    REFERENCES account (account_number),
    side           VARCHAR(6)     NOT NULL,
    amount         NUMERIC(19, 2) NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    balance_after  NUMERIC(19, 2),
    CONSTRAINT journal_line_positive CHECK (amount > 0),
    CONSTRAINT journal_line_side CHECK (side IN ('DEBIT', 'CREDIT')),
    CONSTRAINT journal_line_unique_no UNIQUE (entry_id, line_no)
);
CREATE INDEX journal_line_account_idx ON journal_line (account_number);

CREATE TABLE processed_request (
    request_id  VARCHAR(64)  PRIMARY KEY,
    operation   VARCHAR(30)  NOT NULL,
    fingerprint VARCHAR(200) NOT NULL,
    result_ref  VARCHAR(64),
    created_at  TIMESTAMP    NOT NULL
);

--changeset teller:001-trial-balance
CREATE SEQUENCE trial_balance_report_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE trial_balance_report (
    id               BIGINT         PRIMARY KEY,
    job_execution_id BIGINT,
    business_date    DATE           NOT NULL,
    balanced         BOOLEAN        NOT NULL,
    total_debit      NUMERIC(21, 2) NOT NULL,
    total_credit     NUMERIC(21, 2) NOT NULL,
    findings         INTEGER        NOT NULL,
    report           VARCHAR(100000) NOT NULL,
    created_at       TIMESTAMP      NOT NULL
);
