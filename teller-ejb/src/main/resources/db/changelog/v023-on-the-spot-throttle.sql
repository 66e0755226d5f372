--liquibase formatted sql

--changeset teller:023-on-the-spot-throttle
-- A teller whose requests for an approval on the spot (现场授权) keep failing the supervisor's
-- credentials is slowed down: the failures in a row and the time of the last one, per maker.
ALTER TABLE app_user ADD COLUMN on_the_spot_failures INT DEFAULT 0 NOT NULL;
ALTER TABLE app_user ADD COLUMN on_the_spot_last_failure TIMESTAMP WITH TIME ZONE;
