-- Ballot receipt codes move from the readable "receipt" column to a keyed hash and a ciphertext.
-- Both need the server key, so existing rows are sealed by the voting timer (sealLegacyReceipts) at
-- start and every minute; until then the check route still finds them in "receipt".
DROP INDEX "ballot_receipt_uq";--> statement-breakpoint
ALTER TABLE "ballot" ALTER COLUMN "receipt" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "ballot" ADD COLUMN "receipt_hash" text;--> statement-breakpoint
ALTER TABLE "ballot" ADD COLUMN "receipt_enc" text;--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_receipt_hash_uq" ON "ballot" USING btree ("receipt_hash");--> statement-breakpoint
CREATE INDEX "ballot_legacy_receipt_idx" ON "ballot" USING btree ("receipt") WHERE receipt is not null;--> statement-breakpoint
CREATE INDEX "vote_matter_due_idx" ON "vote_matter" USING btree ("closes_at") WHERE state = 'open';--> statement-breakpoint
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_receipt_check" CHECK (receipt_hash is not null or receipt is not null);