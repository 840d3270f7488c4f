CREATE TABLE "demand" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"no" text NOT NULL,
	"district_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"territory_id" uuid NOT NULL,
	"path" text NOT NULL,
	"category_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"address" text,
	"room" text,
	"lat" numeric(9, 6),
	"lng" numeric(9, 6),
	"reporter_person_id" uuid,
	"created_by" uuid,
	"contact_name_enc" text,
	"contact_name_masked" text,
	"contact_phone_enc" text,
	"contact_phone_masked" text,
	"external_no" text,
	"state" text DEFAULT 'submitted' NOT NULL,
	"level" text DEFAULT 'community' NOT NULL,
	"handler_kind" text,
	"handler_body_id" uuid,
	"reject_reason" text,
	"due_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"rating" text,
	"rating_comment" text,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"merged_into_id" uuid,
	"on_time" boolean,
	"token" uuid DEFAULT gen_random_uuid() NOT NULL,
	"accepted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demand_no_unique" UNIQUE("no"),
	CONSTRAINT "demand_state_check" CHECK ("demand"."state" in ('submitted','accepted','rejected','assigned','in_progress','resolved','closed','merged')),
	CONSTRAINT "demand_level_check" CHECK ("demand"."level" in ('community','street','district')),
	CONSTRAINT "demand_channel_check" CHECK ("demand"."channel" in ('portal','grid_visit','deputy_reception','phone','hotline_12345','open311'))
);
--> statement-breakpoint
CREATE TABLE "demand_category" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"group_name" text DEFAULT '' NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"default_handler" text NOT NULL,
	"deadline_days" integer NOT NULL,
	"remind_days" integer DEFAULT 1 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demand_category_handler_check" CHECK ("demand_category"."default_handler" in ('property_company','owners_committee','residents_committee','police_station','line_department')),
	CONSTRAINT "demand_category_deadline_check" CHECK ("demand_category"."deadline_days" > 0 and "demand_category"."remind_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "demand_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"demand_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"account_id" uuid,
	"actor_name" text NOT NULL,
	"note" text,
	"data" jsonb,
	"public" boolean DEFAULT true NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demand_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demand_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demand_photo" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demand_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hot_topic" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"term" text NOT NULL,
	"window_days" integer NOT NULL,
	"count" integer NOT NULL,
	"baseline" numeric(10, 3) NOT NULL,
	"score" numeric(10, 3) NOT NULL,
	"demand_ids" uuid[] NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"acknowledged_by" uuid,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_key" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_hint" text NOT NULL,
	"territory_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "open311_key_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "work_calendar" (
	"district_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	CONSTRAINT "work_calendar_kind_check" CHECK ("work_calendar"."kind" in ('holiday','workday'))
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"params" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"recipient_enc" text NOT NULL,
	"template" text NOT NULL,
	"params" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "body" ADD COLUMN "answer_days" integer;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_street_id_territory_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_community_id_territory_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_grid_id_territory_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_category_id_demand_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."demand_category"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_reporter_person_id_person_id_fk" FOREIGN KEY ("reporter_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_handler_body_id_body_id_fk" FOREIGN KEY ("handler_body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_category" ADD CONSTRAINT "demand_category_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_event" ADD CONSTRAINT "demand_event_demand_id_demand_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_event" ADD CONSTRAINT "demand_event_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_link" ADD CONSTRAINT "demand_link_demand_id_demand_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_link" ADD CONSTRAINT "demand_link_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_photo" ADD CONSTRAINT "demand_photo_demand_id_demand_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hot_topic" ADD CONSTRAINT "hot_topic_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hot_topic" ADD CONSTRAINT "hot_topic_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hot_topic" ADD CONSTRAINT "hot_topic_acknowledged_by_account_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_key" ADD CONSTRAINT "open311_key_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_key" ADD CONSTRAINT "open311_key_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_calendar" ADD CONSTRAINT "work_calendar_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demand_path_created_idx" ON "demand" USING btree ("path" text_pattern_ops,"created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "demand_community_state_idx" ON "demand" USING btree ("community_id","state");--> statement-breakpoint
CREATE INDEX "demand_reporter_idx" ON "demand" USING btree ("reporter_person_id","created_at");--> statement-breakpoint
CREATE INDEX "demand_created_by_idx" ON "demand" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "demand_due_idx" ON "demand" USING btree ("due_at") WHERE state in ('accepted','assigned','in_progress');--> statement-breakpoint
CREATE INDEX "demand_terms_idx" ON "demand" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "demand_created_idx" ON "demand" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "demand_external_uq" ON "demand" USING btree ("district_id","external_no");--> statement-breakpoint
CREATE UNIQUE INDEX "demand_token_uq" ON "demand" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "demand_category_code_uq" ON "demand_category" USING btree ("district_id","code");--> statement-breakpoint
CREATE INDEX "demand_event_demand_idx" ON "demand_event" USING btree ("demand_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "demand_link_uq" ON "demand_link" USING btree ("demand_id","target_type","target_id");--> statement-breakpoint
CREATE INDEX "demand_photo_demand_idx" ON "demand_photo" USING btree ("demand_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hot_topic_open_uq" ON "hot_topic" USING btree ("territory_id","term") WHERE state <> 'closed';--> statement-breakpoint
CREATE INDEX "hot_topic_territory_idx" ON "hot_topic" USING btree ("territory_id","detected_at");--> statement-breakpoint
CREATE UNIQUE INDEX "work_calendar_pk" ON "work_calendar" USING btree ("district_id","day");--> statement-breakpoint
CREATE INDEX "notification_account_idx" ON "notification" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("id") WHERE sent_at is null;