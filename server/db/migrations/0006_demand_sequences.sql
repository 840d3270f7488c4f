-- The serial part of a demand's number (SQ2026112900042): one sequence for the whole platform.
CREATE SEQUENCE IF NOT EXISTS "demand_no_seq";
--> statement-breakpoint
-- A demand's history is append-only like the audit log: what happened stays as it was recorded.
CREATE FUNCTION demand_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'demand_event is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER demand_event_no_update BEFORE UPDATE OR DELETE ON "demand_event"
  FOR EACH ROW EXECUTE FUNCTION demand_event_append_only();
