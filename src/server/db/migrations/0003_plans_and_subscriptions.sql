CREATE TABLE "plans" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"name" text NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"monthly_price_minor" bigint,
	"billing_period" text DEFAULT 'monthly' NOT NULL,
	"request_type" text DEFAULT 'paid' NOT NULL,
	"paypal_plan_id" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"visibility" text DEFAULT 'both' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"limit_daily" integer DEFAULT 0 NOT NULL,
	"limit_bulk" integer DEFAULT 0 NOT NULL,
	"limit_channels" integer DEFAULT 0 NOT NULL,
	"limit_chatbots" integer DEFAULT 0 NOT NULL,
	"page_access" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"features" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_price_not_negative" CHECK ("plans"."monthly_price_minor" IS NULL OR "plans"."monthly_price_minor" >= 0),
	CONSTRAINT "plans_limits_valid" CHECK ("plans"."limit_daily" >= -1 AND "plans"."limit_bulk" >= -1 AND "plans"."limit_channels" >= -1 AND "plans"."limit_chatbots" >= -1),
	CONSTRAINT "plans_currency_iso" CHECK ("plans"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"user_id" text NOT NULL,
	"plan_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"payment_method" text,
	"service_ends_at" timestamp with time zone,
	"days_total" integer DEFAULT 0 NOT NULL,
	"overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text,
	"is_current" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plans_status_sort_idx" ON "plans" USING btree ("status","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_one_current_per_user" ON "subscriptions" USING btree ("user_id") WHERE "subscriptions"."is_current";--> statement-breakpoint
CREATE INDEX "subscriptions_plan_idx" ON "subscriptions" USING btree ("plan_id");