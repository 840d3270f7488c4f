DROP INDEX "person_territory_idx";--> statement-breakpoint
CREATE INDEX "person_territory_name_idx" ON "person" USING btree ("territory_id","name" text_pattern_ops);