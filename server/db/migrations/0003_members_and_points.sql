CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"service_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"cancel_deadline" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'published' NOT NULL,
	"qr_secret" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_kind_check" CHECK ("activity"."kind" in ('service','volunteer','theme_party_day')),
	CONSTRAINT "activity_capacity_check" CHECK ("activity"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "activity_signup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"state" text DEFAULT 'signed_up' NOT NULL,
	"signed_up_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "commendation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"level" text NOT NULL,
	"period" text NOT NULL,
	"points" integer NOT NULL,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"workplace_org_id" uuid,
	"workplace_org_name" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	CONSTRAINT "member_registration_state_check" CHECK ("member_registration"."state" in ('pending','confirmed','returned','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "points_balance" (
	"person_id" uuid NOT NULL,
	"period" text NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"points" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "points_entry" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_code" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"points" integer NOT NULL,
	"reverses_id" bigint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "points_rule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"code" text NOT NULL,
	"points" numeric(8, 2) NOT NULL,
	"monthly_cap" integer,
	"expiry" text DEFAULT 'none' NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_to" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"commitments" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "wish" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"posted_by" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'pending_review' NOT NULL,
	"reason" text,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"claim_expires_at" timestamp with time zone,
	"fulfilled_at" timestamp with time zone,
	"photo_path" text,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signup" ADD CONSTRAINT "activity_signup_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signup" ADD CONSTRAINT "activity_signup_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation" ADD CONSTRAINT "commendation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_registration" ADD CONSTRAINT "member_registration_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_registration" ADD CONSTRAINT "member_registration_community_id_territory_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_registration" ADD CONSTRAINT "member_registration_workplace_org_id_body_id_fk" FOREIGN KEY ("workplace_org_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_registration" ADD CONSTRAINT "member_registration_decided_by_account_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_balance" ADD CONSTRAINT "points_balance_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entry" ADD CONSTRAINT "points_entry_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entry" ADD CONSTRAINT "points_entry_community_id_territory_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entry" ADD CONSTRAINT "points_entry_street_id_territory_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entry" ADD CONSTRAINT "points_entry_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entry" ADD CONSTRAINT "points_entry_rule_id_points_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."points_rule"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_rule" ADD CONSTRAINT "points_rule_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_registration" ADD CONSTRAINT "unit_registration_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_registration" ADD CONSTRAINT "unit_registration_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_registration" ADD CONSTRAINT "unit_registration_decided_by_account_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish" ADD CONSTRAINT "wish_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish" ADD CONSTRAINT "wish_resident_id_person_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish" ADD CONSTRAINT "wish_posted_by_account_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish" ADD CONSTRAINT "wish_claimed_by_person_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_territory_starts_idx" ON "activity" USING btree ("territory_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_signup_uq" ON "activity_signup" USING btree ("activity_id","person_id");--> statement-breakpoint
CREATE INDEX "activity_signup_person_idx" ON "activity_signup" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commendation_uq" ON "commendation" USING btree ("person_id","level","period");--> statement-breakpoint
CREATE INDEX "member_registration_community_idx" ON "member_registration" USING btree ("community_id","state");--> statement-breakpoint
CREATE INDEX "member_registration_workplace_idx" ON "member_registration" USING btree ("workplace_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_registration_live_uq" ON "member_registration" USING btree ("person_id") WHERE state in ('pending','confirmed');--> statement-breakpoint
CREATE UNIQUE INDEX "points_balance_pk" ON "points_balance" USING btree ("person_id","period");--> statement-breakpoint
CREATE INDEX "points_balance_district_rank_idx" ON "points_balance" USING btree ("district_id","period","points" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "points_balance_street_rank_idx" ON "points_balance" USING btree ("street_id","period","points" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "points_balance_community_rank_idx" ON "points_balance" USING btree ("community_id","period","points" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "points_entry_person_idx" ON "points_entry" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "points_entry_award_uq" ON "points_entry" USING btree ("source_type","source_id","person_id","rule_code") WHERE reverses_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "points_rule_current_uq" ON "points_rule" USING btree ("district_id","code") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "service_territory_idx" ON "service" USING btree ("territory_id");--> statement-breakpoint
CREATE INDEX "unit_registration_territory_idx" ON "unit_registration" USING btree ("territory_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_registration_live_uq" ON "unit_registration" USING btree ("body_id","territory_id") WHERE state in ('pending','confirmed');--> statement-breakpoint
CREATE INDEX "wish_territory_state_idx" ON "wish" USING btree ("territory_id","state");--> statement-breakpoint
CREATE INDEX "wish_claim_expiry_idx" ON "wish" USING btree ("claim_expires_at") WHERE state = 'claimed';