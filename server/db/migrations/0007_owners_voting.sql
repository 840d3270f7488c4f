CREATE TABLE "ballot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"receipt" text NOT NULL,
	"cast_by" uuid,
	"changes" integer DEFAULT 0 NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ballot_choice_check" CHECK ("ballot"."choice" in ('for','against','abstain'))
);
--> statement-breakpoint
CREATE TABLE "estate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"name" text NOT NULL,
	"ballots_changeable" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "estate_owner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estate_id" uuid NOT NULL,
	"is_developer" boolean DEFAULT false NOT NULL,
	"person_id" uuid,
	"name_enc" text NOT NULL,
	"name_masked" text NOT NULL,
	"identity_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exclusive_unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estate_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"household_id" uuid,
	"label" text NOT NULL,
	"registered_area" bigint,
	"surveyed_area" bigint,
	"contract_area" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exclusive_unit_area_check" CHECK (coalesce("exclusive_unit"."registered_area", "exclusive_unit"."surveyed_area", "exclusive_unit"."contract_area") > 0)
);
--> statement-breakpoint
CREATE TABLE "vote_matter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estate_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"result" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "vote_matter_kind_check" CHECK ("vote_matter"."kind" in ('rules_of_procedure','management_statute','committee_election','property_service','use_maintenance_fund','raise_maintenance_fund','rebuild','common_use_change','other_major'))
);
--> statement-breakpoint
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_matter_id_vote_matter_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."vote_matter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_owner_id_estate_owner_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."estate_owner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_cast_by_account_id_fk" FOREIGN KEY ("cast_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estate" ADD CONSTRAINT "estate_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estate" ADD CONSTRAINT "estate_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estate_owner" ADD CONSTRAINT "estate_owner_estate_id_estate_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estate_owner" ADD CONSTRAINT "estate_owner_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exclusive_unit" ADD CONSTRAINT "exclusive_unit_estate_id_estate_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exclusive_unit" ADD CONSTRAINT "exclusive_unit_owner_id_estate_owner_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."estate_owner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exclusive_unit" ADD CONSTRAINT "exclusive_unit_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_matter" ADD CONSTRAINT "vote_matter_estate_id_estate_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_matter" ADD CONSTRAINT "vote_matter_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_owner_uq" ON "ballot" USING btree ("matter_id","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_receipt_uq" ON "ballot" USING btree ("receipt");--> statement-breakpoint
CREATE INDEX "estate_territory_idx" ON "estate" USING btree ("territory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "estate_owner_identity_uq" ON "estate_owner" USING btree ("estate_id","identity_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "estate_owner_developer_uq" ON "estate_owner" USING btree ("estate_id") WHERE is_developer;--> statement-breakpoint
CREATE INDEX "estate_owner_person_idx" ON "estate_owner" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exclusive_unit_label_uq" ON "exclusive_unit" USING btree ("estate_id","label");--> statement-breakpoint
CREATE INDEX "exclusive_unit_owner_idx" ON "exclusive_unit" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "vote_matter_estate_idx" ON "vote_matter" USING btree ("estate_id","created_at");