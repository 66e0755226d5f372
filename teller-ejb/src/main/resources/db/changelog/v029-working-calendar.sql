--liquibase formatted sql

--changeset teller:029-working-calendar
-- The bank's working calendar (营业日历): Monday to Friday are business days, except the public
-- holidays entered here, and a Saturday or Sunday entered as a make-up working day (调休) is one.
-- An administrator enters each year's days; past days are never changed (WorkingDays, CalendarYears).
CREATE TABLE calendar_day (
    calendar_date DATE     PRIMARY KEY,
    kind       VARCHAR(8)  NOT NULL,
    name       VARCHAR(60) NOT NULL,
    entered_by VARCHAR(40) NOT NULL,
    entered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT calendar_day_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);
