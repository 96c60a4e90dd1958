import { describe, expect, it } from 'vitest';
import { matchesPathPattern } from '../shared/fault-store';
import { loadSpecBundle } from './spec-bundle';
import { DEFAULT_SPEC_DIR, GATE_SPEC_ID, PARTNER_SPEC_ID } from './spec-loader';

// NOTES §11: the official documents, read literally, reject what WHAPI really sends and accepts.
const bundle = await loadSpecBundle(DEFAULT_SPEC_DIR);
const gate = (name: string) => bundle.compile({ $ref: `${GATE_SPEC_ID}#/components/schemas/${name}` });

describe('official spec quirks', () => {
  it('accepts {"success": true} although ResponseSuccess requires a phantom `result` (§11.1)', () => {
    expect(gate('ResponseSuccess')({ success: true })).toBe(true);
    const partnerDelete = bundle.index.match('DELETE', '/channels/ABCDEF-12345');
    if (partnerDelete.kind !== 'found') throw new Error('DELETE /channels/{ChannelID} missing');
    const schema = partnerDelete.operation.responses['200']?.content['application/json'];
    expect(schema && bundle.compile(schema)({ success: true })).toBe(true);
    expect(JSON.stringify(bundle.specs.partner)).not.toContain('"required":["result"]');
  });

  it('accepts a media URL, which the literal oneOf of four strings would reject (§11.2)', () => {
    expect(gate('SenderImage')({ to: '15550001111', media: 'https://example.com/a.jpg' })).toBe(true);
  });

  it('reports offline_mode and full_history changes (§11.6) and the STOP health status (§10.7)', () => {
    expect(gate('UpdateSettings')({ before_update: {}, after_update: {}, changes: ['offline_mode', 'full_history'] })).toBe(true);
    expect(gate('ChannelStatus')({ code: 7, text: 'STOP' })).toBe(true);
    expect(gate('ChannelStatus')({ code: 9, text: 'SLEEPING' })).toBe(false);
  });

  it('still rejects the deprecated event types of the settings example (§11.5)', () => {
    expect(gate('Settings')({ webhooks: [{ url: 'http://x', events: [{ type: 'ack', method: 'put' }] }] })).toBe(false);
    expect(gate('Settings')({ webhooks: [{ url: 'http://x', events: [{ type: 'statuses', method: 'post' }] }] })).toBe(true);
  });

  it('keeps both documents addressable under their own ids', () => {
    expect(bundle.compile({ $ref: `${PARTNER_SPEC_ID}#/components/schemas/ChannelID` })('MANTIS-PF298')).toBe(true);
    expect(bundle.compile({ $ref: `${GATE_SPEC_ID}#/components/schemas/MessageID` })('p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw')).toBe(true);
  });
});

describe('operation table and fault patterns', () => {
  it('prefers literal path segments over parameters', () => {
    const image = bundle.index.match('GET', '/users/login/image');
    const phone = bundle.index.match('GET', '/users/login/15550001111');
    expect(image.kind === 'found' && image.operation.path).toBe('/users/login/image');
    expect(phone.kind === 'found' && phone.operation.path).toBe('/users/login/{PhoneNumber}');
    expect(bundle.index.match('GET', '/channels/list').kind === 'found').toBe(true);
    expect(bundle.index.match('PUT', '/health')).toMatchObject({ kind: 'wrong-method', allowed: ['GET'] });
  });

  it('matches fault paths by segment, with :params and a trailing *', () => {
    expect(matchesPathPattern('/channels/:id/extend', '/channels/MANTIS-PF298/extend')).toBe(true);
    expect(matchesPathPattern('/channels/:id/extend', '/channels/MANTIS-PF298')).toBe(false);
    expect(matchesPathPattern('/messages/*', '/messages/text')).toBe(true);
    expect(matchesPathPattern('/messages/*', '/health')).toBe(false);
    expect(matchesPathPattern('/health', '/health')).toBe(true);
  });
});
