--liquibase formatted sql

--changeset teller:017-encrypted-secrets
-- TOTP secrets are stored encrypted (AES-GCM, "v1:" + Base64 of nonce, ciphertext and tag).
ALTER TABLE app_user ALTER COLUMN totp_secret SET DATA TYPE VARCHAR(200);
ALTER TABLE app_user ALTER COLUMN totp_pending_secret SET DATA TYPE VARCHAR(200);
