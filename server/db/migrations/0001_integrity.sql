-- Integrity the schema DSL does not express: tree and party-organisation references, and an
-- audit log that the application cannot rewrite.
ALTER TABLE "territory" ADD CONSTRAINT "territory_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "territory"("id");
--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_party_org_fk" FOREIGN KEY ("party_org_id") REFERENCES "body"("id");
--> statement-breakpoint
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
