-- Every campaign and every bond gets its ledger account in the same transaction
-- that creates it, so posting never has to create an account while holding
-- locks on others (which would lock rows out of code order).
CREATE FUNCTION ledger_open_campaign_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_accounts (code, kind, normal_sign, allow_negative, campaign_id)
  VALUES ('campaign:' || NEW.id::text, 'fund', -1, false, NEW.id) ON CONFLICT (code) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER campaigns_open_ledger_account AFTER INSERT ON "campaigns"
  FOR EACH ROW EXECUTE FUNCTION ledger_open_campaign_account();
--> statement-breakpoint
CREATE FUNCTION ledger_open_bond_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_accounts (code, kind, normal_sign, allow_negative, bond_id)
  VALUES ('bond:' || NEW.id::text, 'asset', 1, false, NEW.id) ON CONFLICT (code) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER bonds_open_ledger_account AFTER INSERT ON "bonds"
  FOR EACH ROW EXECUTE FUNCTION ledger_open_bond_account();
--> statement-breakpoint
INSERT INTO ledger_accounts (code, kind, normal_sign, allow_negative, campaign_id)
  SELECT 'campaign:' || id::text, 'fund', -1, false, id FROM campaigns ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
INSERT INTO ledger_accounts (code, kind, normal_sign, allow_negative, bond_id)
  SELECT 'bond:' || id::text, 'asset', 1, false, id FROM bonds ON CONFLICT (code) DO NOTHING;
