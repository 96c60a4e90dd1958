CREATE TABLE "paypal_sales" (
	"sale_id" text PRIMARY KEY NOT NULL,
	"paypal_subscription_id" text NOT NULL,
	"subscription_id" text,
	"amount" text,
	"currency" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paypal_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"mode" text DEFAULT 'sandbox' NOT NULL,
	"client_id" text,
	"client_secret_sealed" text,
	"client_secret_last4" text,
	"webhook_id" text,
	"status" text DEFAULT 'missing' NOT NULL,
	"last_error" text,
	"checked_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "paypal_settings_single_row" CHECK ("paypal_settings"."id" = 1),
	CONSTRAINT "paypal_settings_mode_valid" CHECK ("paypal_settings"."mode" IN ('sandbox', 'live'))
);
--> statement-breakpoint
CREATE TABLE "email_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"smtp_url_sealed" text,
	"smtp_display" text,
	"from_address" text,
	"last_test_at" timestamp with time zone,
	"last_test_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "email_settings_single_row" CHECK ("email_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"event_key" text NOT NULL,
	"event_type" text NOT NULL,
	"subject_ref" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text,
	"error" text,
	CONSTRAINT "webhook_events_source_valid" CHECK ("webhook_events"."source" IN ('paypal', 'whapi_channel'))
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"auto_allocate" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "app_settings_single_row" CHECK ("app_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "channel_operations" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"kind" text NOT NULL,
	"channel_id" text,
	"user_id" text,
	"actor_id" text,
	"days" integer,
	"state" text DEFAULT 'started' NOT NULL,
	"idempotency_key" text,
	"request" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "channel_operations_kind_valid" CHECK ("channel_operations"."kind" IN ('create', 'extend', 'delete')),
	CONSTRAINT "channel_operations_state_valid" CHECK ("channel_operations"."state" IN ('started', 'succeeded', 'failed', 'repaired', 'reverted'))
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"user_id" text NOT NULL,
	"channel_ref" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"token_sealed" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"auth_status" text DEFAULT 'pending' NOT NULL,
	"stopped" boolean DEFAULT false NOT NULL,
	"mode" text,
	"active_from" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"last_health" text,
	"last_heartbeat_at" timestamp with time zone,
	"last_message_at" timestamp with time zone,
	"webhook_registered_at" timestamp with time zone,
	"webhook_error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "channels_status_valid" CHECK ("channels"."status" IN ('pending', 'active', 'expired')),
	CONSTRAINT "channels_auth_status_valid" CHECK ("channels"."auth_status" IN ('pending', 'qr_generated', 'authorized', 'disconnected')),
	CONSTRAINT "channels_clock_set_when_allocated" CHECK ("channels"."status" = 'pending' OR "channels"."expires_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "main_balance" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"days" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "main_balance_single_row" CHECK ("main_balance"."id" = 1),
	CONSTRAINT "main_balance_not_negative" CHECK ("main_balance"."days" >= 0)
);
--> statement-breakpoint
ALTER TABLE "balance_transactions" DROP CONSTRAINT "balance_transactions_days_positive";--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "paypal_subscription_id" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "paypal_status" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "paypal_periods_credited" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "paypal_synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "paypal_sales" ADD CONSTRAINT "paypal_sales_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paypal_settings" ADD CONSTRAINT "paypal_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_settings" ADD CONSTRAINT "email_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_settings" ADD CONSTRAINT "app_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_operations" ADD CONSTRAINT "channel_operations_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_operations" ADD CONSTRAINT "channel_operations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_operations" ADD CONSTRAINT "channel_operations_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_events_source_key" ON "webhook_events" USING btree ("source","event_key");--> statement-breakpoint
CREATE INDEX "webhook_events_unprocessed_idx" ON "webhook_events" USING btree ("received_at") WHERE "webhook_events"."processed_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_operations_idempotency" ON "channel_operations" USING btree ("kind","actor_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "channel_operations_started_idx" ON "channel_operations" USING btree ("created_at") WHERE "channel_operations"."state" = 'started';--> statement-breakpoint
CREATE UNIQUE INDEX "channels_channel_ref_unique" ON "channels" USING btree ("channel_ref");--> statement-breakpoint
CREATE INDEX "channels_user_idx" ON "channels" USING btree ("user_id") WHERE "channels"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_paypal_subscription_unique" ON "subscriptions" USING btree ("paypal_subscription_id");--> statement-breakpoint
CREATE INDEX "balance_transactions_created_idx" ON "balance_transactions" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "balance_transactions" ADD CONSTRAINT "balance_transactions_days_positive" CHECK ("balance_transactions"."days" > 0 OR ("balance_transactions"."type" = 'sync' AND "balance_transactions"."days" <> 0));--> statement-breakpoint
-- The single-row tables exist from the start, so money paths only ever UPDATE them under a guard.
INSERT INTO "main_balance" ("id", "days") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "app_settings" ("id", "auto_allocate") VALUES (1, true) ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_status_valid" CHECK ("subscriptions"."status" IN ('pending', 'active', 'expired', 'canceled'));
