CREATE TABLE "agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"path" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"proposed_by" uuid,
	"proposer_person_id" uuid,
	"proposer_body_id" uuid,
	"demand_id" uuid,
	"resolution_id" uuid,
	"state" text DEFAULT 'proposed' NOT NULL,
	"reason" text,
	"merged_into_id" uuid,
	"meeting_id" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_item_state_check" CHECK ("agenda_item"."state" in ('proposed','accepted','returned','merged','scheduled','decided','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "charter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"path" text NOT NULL,
	"estate_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"account_id" uuid,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"charter_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"comment_until" timestamp with time zone,
	"adopted_by_resolution_id" uuid,
	"adopted_by_matter_id" uuid,
	"adopted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cogov_matter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"path" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cogov_stage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"body_id" uuid,
	"meeting_id" uuid,
	"outcome" text NOT NULL,
	"decided_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"no" text NOT NULL,
	"district_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"path" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"demand_id" uuid,
	"mediator_person_id" uuid,
	"state" text DEFAULT 'open' NOT NULL,
	"agreement_text" text,
	"agreed_at" timestamp with time zone,
	"follow_up_on" date,
	"follow_up_note" text,
	"followed_up_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediation_case_no_unique" UNIQUE("no")
);
--> statement-breakpoint
CREATE TABLE "mediation_party" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"side" text NOT NULL,
	"person_id" uuid,
	"body_id" uuid,
	"name_enc" text NOT NULL,
	"name_masked" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"signed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mediation_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"notes" text NOT NULL,
	"account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"path" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"convener_body_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"notice_text" text,
	"noticed_at" timestamp with time zone,
	"public_notice_days" integer,
	"quorum" integer,
	"checkin_secret" text NOT NULL,
	"clerk_account_id" uuid,
	"summary" text,
	"started_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_kind_check" CHECK ("meeting"."kind" in ('joint_four_in_one','deliberation','hearing','review','regional_joint_conference','representative_assembly','owners_assembly'))
);
--> statement-breakpoint
CREATE TABLE "meeting_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"method" text,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstain" integer,
	"outcome" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_participant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"body_id" uuid,
	"capacity" text NOT NULL,
	"voting" boolean DEFAULT true NOT NULL,
	"notice_read_at" timestamp with time zone,
	"signed_in_at" timestamp with time zone,
	"sign_in_method" text,
	"registered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_vote" (
	"meeting_item_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"choice" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minutes_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"meeting_item_id" uuid,
	"participant_id" uuid,
	"speaker" text NOT NULL,
	"opinion" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"path" text NOT NULL,
	"meeting_id" uuid,
	"meeting_item_id" uuid,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"public_days" integer DEFAULT 7 NOT NULL,
	"published_at" timestamp with time zone,
	"public_until" timestamp with time zone,
	"responsible_body_id" uuid,
	"due_on" date,
	"done_at" timestamp with time zone,
	"carried_over_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_objection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resolution_id" uuid NOT NULL,
	"account_id" uuid,
	"text" text NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resolution_id" uuid NOT NULL,
	"note" text NOT NULL,
	"photo_path" text,
	"account_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_proposed_by_account_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_proposer_person_id_person_id_fk" FOREIGN KEY ("proposer_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_proposer_body_id_body_id_fk" FOREIGN KEY ("proposer_body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_demand_id_demand_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_reviewed_by_account_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter" ADD CONSTRAINT "charter_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter" ADD CONSTRAINT "charter_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter" ADD CONSTRAINT "charter_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comment" ADD CONSTRAINT "charter_comment_version_id_charter_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."charter_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comment" ADD CONSTRAINT "charter_comment_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_version" ADD CONSTRAINT "charter_version_charter_id_charter_id_fk" FOREIGN KEY ("charter_id") REFERENCES "public"."charter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_version" ADD CONSTRAINT "charter_version_adopted_by_resolution_id_resolution_id_fk" FOREIGN KEY ("adopted_by_resolution_id") REFERENCES "public"."resolution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_version" ADD CONSTRAINT "charter_version_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogov_matter" ADD CONSTRAINT "cogov_matter_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogov_matter" ADD CONSTRAINT "cogov_matter_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogov_matter" ADD CONSTRAINT "cogov_matter_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogov_stage" ADD CONSTRAINT "cogov_stage_matter_id_cogov_matter_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."cogov_matter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogov_stage" ADD CONSTRAINT "cogov_stage_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogov_stage" ADD CONSTRAINT "cogov_stage_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogov_stage" ADD CONSTRAINT "cogov_stage_recorded_by_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_case" ADD CONSTRAINT "mediation_case_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_case" ADD CONSTRAINT "mediation_case_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_case" ADD CONSTRAINT "mediation_case_demand_id_demand_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_case" ADD CONSTRAINT "mediation_case_mediator_person_id_person_id_fk" FOREIGN KEY ("mediator_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_case" ADD CONSTRAINT "mediation_case_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_party" ADD CONSTRAINT "mediation_party_case_id_mediation_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_party" ADD CONSTRAINT "mediation_party_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_party" ADD CONSTRAINT "mediation_party_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_session" ADD CONSTRAINT "mediation_session_case_id_mediation_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_session" ADD CONSTRAINT "mediation_session_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_convener_body_id_body_id_fk" FOREIGN KEY ("convener_body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_clerk_account_id_account_id_fk" FOREIGN KEY ("clerk_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item" ADD CONSTRAINT "meeting_item_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item" ADD CONSTRAINT "meeting_item_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_vote" ADD CONSTRAINT "meeting_vote_meeting_item_id_meeting_item_id_fk" FOREIGN KEY ("meeting_item_id") REFERENCES "public"."meeting_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_vote" ADD CONSTRAINT "meeting_vote_participant_id_meeting_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."meeting_participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_entry" ADD CONSTRAINT "minutes_entry_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_entry" ADD CONSTRAINT "minutes_entry_meeting_item_id_meeting_item_id_fk" FOREIGN KEY ("meeting_item_id") REFERENCES "public"."meeting_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_entry" ADD CONSTRAINT "minutes_entry_participant_id_meeting_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."meeting_participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution" ADD CONSTRAINT "resolution_district_id_territory_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution" ADD CONSTRAINT "resolution_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution" ADD CONSTRAINT "resolution_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution" ADD CONSTRAINT "resolution_meeting_item_id_meeting_item_id_fk" FOREIGN KEY ("meeting_item_id") REFERENCES "public"."meeting_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution" ADD CONSTRAINT "resolution_responsible_body_id_body_id_fk" FOREIGN KEY ("responsible_body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution" ADD CONSTRAINT "resolution_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_objection" ADD CONSTRAINT "resolution_objection_resolution_id_resolution_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_objection" ADD CONSTRAINT "resolution_objection_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_objection" ADD CONSTRAINT "resolution_objection_answered_by_account_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_progress" ADD CONSTRAINT "resolution_progress_resolution_id_resolution_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_progress" ADD CONSTRAINT "resolution_progress_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_item_path_idx" ON "agenda_item" USING btree ("path" text_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "agenda_item_meeting_idx" ON "agenda_item" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "charter_path_idx" ON "charter" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "charter_comment_idx" ON "charter_comment" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_version_uq" ON "charter_version" USING btree ("charter_id","version");--> statement-breakpoint
CREATE INDEX "cogov_matter_path_idx" ON "cogov_matter" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "cogov_stage_uq" ON "cogov_stage" USING btree ("matter_id","stage");--> statement-breakpoint
CREATE INDEX "mediation_case_path_idx" ON "mediation_case" USING btree ("path" text_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "mediation_party_case_idx" ON "mediation_party" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mediation_session_case_idx" ON "mediation_session" USING btree ("case_id","held_at");--> statement-breakpoint
CREATE INDEX "meeting_path_idx" ON "meeting" USING btree ("path" text_pattern_ops,"starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_item_uq" ON "meeting_item" USING btree ("meeting_id","agenda_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participant_person_uq" ON "meeting_participant" USING btree ("meeting_id","person_id");--> statement-breakpoint
CREATE INDEX "meeting_participant_meeting_idx" ON "meeting_participant" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_vote_pk" ON "meeting_vote" USING btree ("meeting_item_id","participant_id");--> statement-breakpoint
CREATE INDEX "minutes_entry_meeting_idx" ON "minutes_entry" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "resolution_path_idx" ON "resolution" USING btree ("path" text_pattern_ops,"state");--> statement-breakpoint
CREATE UNIQUE INDEX "resolution_item_uq" ON "resolution" USING btree ("meeting_item_id");--> statement-breakpoint
CREATE INDEX "resolution_objection_idx" ON "resolution_objection" USING btree ("resolution_id");--> statement-breakpoint
CREATE INDEX "resolution_progress_idx" ON "resolution_progress" USING btree ("resolution_id","at");