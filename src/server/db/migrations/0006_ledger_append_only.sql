-- DOMAIN.md ledger: balance rows can never be updated or deleted (same guard as audit_log, migration 0001).
CREATE TRIGGER balance_transactions_append_only
  BEFORE UPDATE OR DELETE ON balance_transactions
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER balance_transactions_no_truncate
  BEFORE TRUNCATE ON balance_transactions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
