-- The serial part of a mediation case's number (TJ2026-00042).
CREATE SEQUENCE IF NOT EXISTS "mediation_no_seq";
--> statement-breakpoint
-- The partial index the deadline timer needs to find demands never accepted (state submitted).
CREATE INDEX IF NOT EXISTS "demand_submitted_created_idx" ON "demand" ("created_at") WHERE state = 'submitted';
