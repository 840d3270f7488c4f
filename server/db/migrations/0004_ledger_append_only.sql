-- The points ledger is append-only like the audit log: corrections are reversing entries.
CREATE FUNCTION points_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'points_entry is append-only: record a reversing entry instead';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER points_entry_no_update BEFORE UPDATE OR DELETE ON "points_entry"
  FOR EACH ROW EXECUTE FUNCTION points_entry_append_only();
--> statement-breakpoint
CREATE UNIQUE INDEX "household_territory_room_uq" ON "household" ("territory_id", "room");
