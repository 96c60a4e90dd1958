import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { publishUserEvent } from '../../realtime/event-bus';

/**
 * spec 003 "When now ≥ expires_at → set status = PAUSED/EXPIRED": marks channels whose clock ran out. Reads
 * compute the status from the clock too, so nothing depends on when this last ran; the owners' open tabs are
 * told. Running it twice changes nothing the second time.
 */
export async function expireChannels(db: Db, now: Date = new Date()): Promise<string[]> {
  return db.transaction(async (tx) => {
    const expired = await tx.execute<{ id: string; user_id: string; auth_status: string }>(sql`
      UPDATE channels SET status = 'expired', updated_at = now()
      WHERE status = 'active' AND expires_at <= ${now} AND deleted_at IS NULL
      RETURNING id, user_id, auth_status
    `);
    for (const row of expired.rows) {
      await publishUserEvent(tx, {
        userId: row.user_id,
        type: 'channel.updated',
        data: { channelId: row.id, status: 'expired', authStatus: row.auth_status, deleted: false, message: null },
      });
    }
    return expired.rows.map((row) => row.id);
  });
}
