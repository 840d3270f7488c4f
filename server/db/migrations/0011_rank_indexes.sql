CREATE TABLE "points_node_total" (
	"node_id" uuid NOT NULL,
	"period" text NOT NULL,
	"members" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "points_balance_district_rank_idx";--> statement-breakpoint
DROP INDEX "points_balance_street_rank_idx";--> statement-breakpoint
DROP INDEX "points_balance_community_rank_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "points_node_total_pk" ON "points_node_total" USING btree ("node_id","period");--> statement-breakpoint
CREATE INDEX "demand_street_created_idx" ON "demand" USING btree ("street_id","created_at");--> statement-breakpoint
CREATE INDEX "demand_street_state_idx" ON "demand" USING btree ("street_id","state","created_at");--> statement-breakpoint
CREATE INDEX "demand_open_path_due_idx" ON "demand" USING btree ("path" text_pattern_ops,"due_at") WHERE state in ('accepted','assigned','in_progress');--> statement-breakpoint
CREATE INDEX "points_balance_district_rank_idx" ON "points_balance" USING btree ("district_id","period","points" DESC NULLS LAST,"person_id");--> statement-breakpoint
CREATE INDEX "points_balance_street_rank_idx" ON "points_balance" USING btree ("street_id","period","points" DESC NULLS LAST,"person_id");--> statement-breakpoint
CREATE INDEX "points_balance_community_rank_idx" ON "points_balance" USING btree ("community_id","period","points" DESC NULLS LAST,"person_id");--> statement-breakpoint
INSERT INTO "points_node_total" ("node_id", "period", "members")
SELECT "node_id", "period", count(*)::int FROM (
  SELECT "district_id" AS "node_id", "period" FROM "points_balance"
  UNION ALL SELECT "street_id", "period" FROM "points_balance"
  UNION ALL SELECT "community_id", "period" FROM "points_balance"
) AS "n" GROUP BY "node_id", "period";
