--liquibase formatted sql

--changeset teller:002-head-office-and-channel-user
-- Postings that online and mobile banking request are booked at the head office (总行, branch
-- 0000) by the system user "channel". It cannot sign in: it is disabled and has no usable
-- password; the channel listener acts as it (run-as principal).
INSERT INTO branch (code, name_zh, name_en) VALUES ('0000', '总行', 'Head office');
INSERT INTO app_user (username, password_hash, display_name, branch_code, enabled)
    VALUES ('channel', '!', '电子渠道 Online and mobile channels', '0000', FALSE);
INSERT INTO app_user_role (username, role_name) VALUES ('channel', 'CHANNEL');
