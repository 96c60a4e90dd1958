CREATE TABLE "partner_balance_notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"current_days" integer,
	"days_limit" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"raw" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whapi_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"partner_token_sealed" text,
	"partner_token_last4" text,
	"token_status" text DEFAULT 'missing' NOT NULL,
	"token_error" text,
	"token_checked_at" timestamp with time zone,
	"project_id" text,
	"partner_name" text,
	"webhook_secret_sealed" text NOT NULL,
	"days_limit" integer,
	"webhook_registered_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "whapi_settings_single_row" CHECK ("whapi_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "whapi_settings" ADD CONSTRAINT "whapi_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_balance_notices_received_idx" ON "partner_balance_notices" USING btree ("received_at" DESC NULLS LAST);