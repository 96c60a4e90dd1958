import type { Db } from '../../db/connect';
import type { SecretBox } from '../../secrets/secret-box';

/** What the WHAPI use-cases need: the database, the secret box and the addresses from config. */
export interface WhapiDeps {
  db: Db;
  box: SecretBox;
  appUrl: string;
  partnerUrl: string;
  gateUrl: string;
  log: { warn(obj: object, msg: string): void };
}
