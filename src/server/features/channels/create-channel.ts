import { CHANNEL_MESSAGES } from '../../../contracts/channels';
import type { CreateChannelInput } from '../../../contracts/channels';
import { AppError, notFound } from '../../app-error';
import { channels } from '../../db/schema/index';
import { isWhapiError, type WhapiChannel } from '../../integrations/whapi/index';
import { publishUserEvent } from '../../realtime/event-bus';
import { recordAudit, type Actor } from '../audit/record-audit';
import { readAutoAllocate } from '../platform-settings/read-auto-allocate';
import { loadWhapiSettings } from '../whapi/whapi-settings-row';
import { withPartnerClient } from '../whapi/with-partner-client';
import { autoAllocateChannelsJob } from './auto-allocate-ref';
import type { ChannelDeps } from './channel-deps';
import { countChannelsInUse, evaluateChannelGuard, loadChannelOwner, requireChannelGuard, whapiReadiness, type Audience } from './channel-guard';
import { claimOperation, failOperation, noteOperation, startOperation, type OperationRow } from './channel-operations';
import { findChannelView, type ChannelView } from './channel-row';
import { CHANNEL_WEBHOOK_EVENTS, channelWebhookUrl, gateWithToken } from './channel-whapi';

export interface CreateChannelRequest extends CreateChannelInput {
  actor: Actor;
  ownerId: string;
  audience: Audience;
}

/**
 * "Add Channel" (DOMAIN.md "Channels" → Create): the guards in order, then WHAPI `PUT /channels` → confirm with
 * `GET /channels/{id}` → register our webhook on the channel (Gate `PATCH /settings`) → store, token sealed.
 * The row is stored last, in one transaction with the audit row, so any WHAPI failure leaves nothing behind:
 * a channel WHAPI made for us is deleted again, and if even that fails the journal lets the reconciler do it.
 */
export async function createChannel(deps: ChannelDeps, input: CreateChannelRequest): Promise<{ view: ChannelView; autoAllocationQueued: boolean }> {
  const op = await deps.db.transaction(async (tx) => {
    const owner = await loadChannelOwner(tx, input.ownerId, { forUpdate: true });
    if (!owner) throw notFound('User');
    const used = await countChannelsInUse(tx, owner.id);
    requireChannelGuard(evaluateChannelGuard(owner, used, await whapiReadiness(tx, deps.box), input.audience));
    return startOperation(tx, {
      kind: 'create',
      userId: owner.id,
      actorId: input.actor.userId,
      request: { name: input.name, phone: input.phone },
    });
  });

  let confirmed: WhapiChannel;
  try {
    confirmed = await createAtWhapi(deps, op, input);
  } catch (error) {
    throw forAudience(error, input.audience);
  }

  const stored = await deps.db.transaction(async (tx) => {
    const claimed = await claimOperation(tx, op.id, 'succeeded');
    if (!claimed) throw new AppError('CONFLICT', 'The channel could not be saved. Please try again.');
    const owner = (await loadChannelOwner(tx, input.ownerId, { forUpdate: true }))!;
    const now = new Date();
    const [row] = await tx
      .insert(channels)
      .values({
        userId: owner.id,
        channelRef: confirmed.id,
        name: input.name,
        phone: input.phone,
        tokenSealed: deps.box.seal(confirmed.token),
        status: 'pending',
        authStatus: 'pending',
        stopped: confirmed.stopped,
        mode: confirmed.mode,
        webhookRegisteredAt: now,
        createdBy: input.actor.userId,
        createdAt: confirmed.createdAt,
      })
      .returning();
    const channel = row!;
    await recordAudit(tx, input.actor, {
      action: 'channel.create',
      target: { type: 'channel', id: channel.id, label: channel.name },
      meta: { channelRef: channel.channelRef, userId: owner.id, phone: channel.phone, operationId: op.id, mode: confirmed.mode },
    });
    await noteOperation(tx, claimed, { result: { channelId: channel.id, channelRef: channel.channelRef } });
    // DOMAIN.md "Auto-allocation": an active user's new channel gets days from the paid time straight away.
    const queue =
      deps.jobs !== null && owner.subscription !== null && !owner.banned && (await readAutoAllocate(tx));
    if (queue) await deps.jobs!.enqueue(autoAllocateChannelsJob, { userId: owner.id, reason: 'Channel created' }, { tx });
    await publishUserEvent(tx, {
      userId: owner.id,
      type: 'channel.updated',
      data: { channelId: channel.id, status: 'pending', authStatus: 'pending', deleted: false, message: null },
    });
    return { channelId: channel.id, autoAllocationQueued: queue };
  });
  return { view: (await findChannelView(deps.db, stored.channelId))!, autoAllocationQueued: stored.autoAllocationQueued };
}

async function createAtWhapi(deps: ChannelDeps, op: OperationRow, input: CreateChannelRequest): Promise<WhapiChannel> {
  const settings = await loadWhapiSettings(deps.db, deps.box);
  const secret = deps.box.open(settings.webhookSecretSealed);
  let createdRef: string | null = null;
  try {
    return await withPartnerClient(deps, async (client) => {
      // WHAPI wants digits only (NOTES §0); we keep E.164 for people.
      const created = await client.createChannel({ name: input.name, projectId: settings.projectId!, phone: input.phone.slice(1) });
      createdRef = created.id;
      await noteOperation(deps.db, op, { result: { channelRef: created.id } });
      const confirmed = await client.getChannel(created.id);
      await gateWithToken(deps, confirmed.token).updateSettings({
        webhooks: [
          {
            url: channelWebhookUrl(deps.appUrl, confirmed.id, secret),
            events: CHANNEL_WEBHOOK_EVENTS.map((e) => ({ ...e })),
            mode: 'body',
          },
        ],
      });
      return confirmed;
    });
  } catch (error) {
    if (createdRef === null || (await removeAtWhapi(deps, createdRef))) await failOperation(deps.db, op, error, createdRef ? 'reverted' : 'failed');
    throw error;
  }
}

/** Takes back a channel we could not finish setting up; false leaves it to the reconciler. */
async function removeAtWhapi(deps: ChannelDeps, channelRef: string): Promise<boolean> {
  try {
    await withPartnerClient(deps, (client) => client.deleteChannel(channelRef));
    return true;
  } catch (error) {
    deps.log.warn({ err: error, channelRef }, 'could not delete a half-created channel at WHAPI; the reconciler will');
    return false;
  }
}

/** Users are not told about partner tokens: a WHAPI set-up problem reads "temporarily unavailable" to them. */
function forAudience(error: unknown, audience: Audience): unknown {
  if (audience === 'admin') return error;
  const setUp = (error instanceof AppError && error.code === 'WHAPI_NOT_CONFIGURED') || (isWhapiError(error) && error.kind === 'token');
  return setUp ? new AppError('WHAPI_NOT_CONFIGURED', CHANNEL_MESSAGES.serviceUnavailable) : error;
}
