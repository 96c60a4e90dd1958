CREATE TABLE "message_campaigns" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"user_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"paused_reason" text,
	"interval_seconds" integer DEFAULT 0 NOT NULL,
	"total" integer NOT NULL,
	"bulk_window" text NOT NULL,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "message_campaigns_status_valid" CHECK ("message_campaigns"."status" IN ('running', 'paused', 'completed', 'cancelled')),
	CONSTRAINT "message_campaigns_total_positive" CHECK ("message_campaigns"."total" > 0),
	CONSTRAINT "message_campaigns_interval_valid" CHECK ("message_campaigns"."interval_seconds" BETWEEN 0 AND 600)
);
--> statement-breakpoint
CREATE TABLE "message_usage" (
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"window" text NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_usage_user_id_kind_window_pk" PRIMARY KEY("user_id","kind","window"),
	CONSTRAINT "message_usage_kind_valid" CHECK ("message_usage"."kind" IN ('daily', 'bulk')),
	CONSTRAINT "message_usage_used_not_negative" CHECK ("message_usage"."used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"campaign_id" text,
	"recipient" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"whapi_message_id" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_messages_status_valid" CHECK ("outbox_messages"."status" IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "app_settings" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "message_campaigns" ADD CONSTRAINT "message_campaigns_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_campaigns" ADD CONSTRAINT "message_campaigns_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_usage" ADD CONSTRAINT "message_usage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_campaign_id_message_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."message_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_campaigns_user_idx" ON "message_campaigns" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "message_campaigns_running_idx" ON "message_campaigns" USING btree ("user_id") WHERE "message_campaigns"."status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_whapi_id_unique" ON "outbox_messages" USING btree ("whapi_message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_campaign_recipient_unique" ON "outbox_messages" USING btree ("campaign_id","recipient");--> statement-breakpoint
CREATE INDEX "outbox_messages_user_idx" ON "outbox_messages" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outbox_messages_campaign_queued_idx" ON "outbox_messages" USING btree ("campaign_id","id") WHERE "outbox_messages"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "outbox_messages_campaign_status_idx" ON "outbox_messages" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "outbox_messages_in_flight_idx" ON "outbox_messages" USING btree ("claimed_at") WHERE "outbox_messages"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "outbox_messages_user_queued_idx" ON "outbox_messages" USING btree ("user_id") WHERE "outbox_messages"."status" = 'queued' AND "outbox_messages"."campaign_id" IS NULL;