--liquibase formatted sql

--changeset teller:031-business-day
-- A branch closes its day (网点轧账) once its tills are closed and balanced and no vault transfer
-- waits; a supervisor of the branch may force it with a reason. End of day rolls the date (日切)
-- only when every branch has closed (BusinessDays).
CREATE TABLE branch_day (
    branch_code   VARCHAR(4)   NOT NULL REFERENCES branch (code),
    business_date DATE         NOT NULL,
    closed_by     VARCHAR(40)  NOT NULL,
    closed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    forced        BOOLEAN      NOT NULL,
    reason        VARCHAR(200),
    CONSTRAINT branch_day_pk PRIMARY KEY (branch_code, business_date),
    CONSTRAINT branch_day_forced_reason CHECK (forced = FALSE OR reason IS NOT NULL)
);

-- Approvals still pending at the cut-off expire (their day is over).
ALTER TABLE approval_request DROP CONSTRAINT approval_request_status;
ALTER TABLE approval_request ADD CONSTRAINT approval_request_status
    CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED'));

-- Demand interest accrued day by day (积数 and the unrounded interest), one row per account and
-- settlement period (period_end: the 20th of the quarter's last month). accrued_through is the
-- last day accrued: an accrual writes only days after it, so no day is accrued twice.
CREATE TABLE interest_accrual (
    account_number  VARCHAR(16)    NOT NULL REFERENCES account (account_number),
    period_end      DATE           NOT NULL,
    period_start    DATE           NOT NULL,
    accrued_through DATE           NOT NULL,
    balance_sum     NUMERIC(24, 2) NOT NULL,
    interest        NUMERIC(24, 10) NOT NULL,
    settled_on      DATE,
    settled_entry   BIGINT REFERENCES journal_entry (id),
    CONSTRAINT interest_accrual_pk PRIMARY KEY (account_number, period_end)
);
CREATE INDEX interest_accrual_unsettled_idx ON interest_accrual (period_end, settled_on);

-- What each step of an end-of-day run did, per partition (0 for a step that has none): written in
-- the transaction of the work it counts, so a restart goes on counting from the last checkpoint.
CREATE TABLE end_of_day_step (
    job_instance_id BIGINT       NOT NULL,
    step_name       VARCHAR(40)  NOT NULL,
    partition_no    INTEGER      NOT NULL,
    business_date   DATE         NOT NULL,
    items_total     BIGINT       NOT NULL,
    items_read      BIGINT       NOT NULL,
    items_posted    BIGINT       NOT NULL,
    items_skipped   BIGINT       NOT NULL,
    items_failed    BIGINT       NOT NULL,
    reasons         VARCHAR(2000),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT end_of_day_step_pk PRIMARY KEY (job_instance_id, step_name, partition_no)
);

-- End of day's work is done by the system user "end-of-day" (head office), so the audit trail and
-- the journal name it: it cannot sign in (disabled, no usable password); the batch steps' bean acts
-- as it (run-as principal, teller-batch's jboss-ejb3.xml) in the supervisor's role.
INSERT INTO app_user (username, password_hash, display_name, branch_code, enabled, password_changed_at)
    VALUES ('end-of-day', '!', '日终批处理 End of day', '0000', FALSE, CURRENT_TIMESTAMP);
INSERT INTO app_user_role (username, role_name) VALUES ('end-of-day', 'SUPERVISOR');

--changeset teller:031-posting-date dbms:postgresql splitStatements:false
-- A posting's business date, checked as its entry is written (PostgreSQL; on H2 the business day's
-- row is locked instead): takes the business day's advisory lock shared, which the date roll takes
-- exclusively, then reads the date in a snapshot of its own (after the lock: a roll that committed
-- while the posting waited is seen) and refuses a posting booked on a day that has closed.
CREATE FUNCTION teller_posting_date(booked DATE) RETURNS DATE LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    current_date_ DATE;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(4473177);
    SELECT business_date INTO current_date_ FROM business_day WHERE id = 1;
    IF current_date_ <> booked THEN
        RAISE EXCEPTION 'BUSINESS_DATE_CHANGED %', current_date_;
    END IF;
    RETURN booked;
END
$$;
