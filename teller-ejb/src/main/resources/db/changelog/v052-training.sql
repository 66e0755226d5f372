--liquibase formatted sql

--changeset teller:052-training
-- Training (培训, issue 19): tellers practise on a training branch with the real screens and rules. Its
-- postings never reach the core system, the dashboards, the reports, the warehouse or the trial
-- balance of the real books, and no entry mixes its accounts with the bank's. Customers registered in
-- training are training customers, apart from the bank's (the same ID number may be both).
ALTER TABLE branch ADD COLUMN training BOOLEAN DEFAULT FALSE NOT NULL;
INSERT INTO branch (code, name_zh, name_en, training) VALUES ('9900', '培训网点', 'Training branch', TRUE);
ALTER TABLE customer ADD COLUMN training BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE customer DROP CONSTRAINT customer_id_number_unique;
ALTER TABLE customer ADD CONSTRAINT customer_id_number_unique UNIQUE (customer_type, id_number, training);
