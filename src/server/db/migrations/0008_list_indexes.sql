DROP INDEX "balance_transactions_created_idx";--> statement-breakpoint
CREATE INDEX "channels_created_idx" ON "channels" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "channels"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "balance_transactions_created_idx" ON "balance_transactions" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);