import { describe, expect, it } from 'vitest';
import { parseSaleResource, parseSubscriptionResource, parseWebhookEvent, readTransmission, verificationBody } from './webhook';
import { SUBSCRIPTION_ID, subscriptionSample } from './test-support/paypal-samples';

// NOTES §5: five signature headers (case-insensitive), the event envelope, and the resources we read from it.

const transmission = {
  transmissionId: '69cd13f0-d67a-11e5-baa3-778b53f4ae55',
  transmissionTime: '2026-03-10T07:00:08Z',
  transmissionSig: 'c2lnbmF0dXJl',
  certUrl: 'https://api.paypal.com/v1/notifications/certs/CERT-360caa42',
  authAlgo: 'SHA256withRSA',
};
const upper = {
  'PAYPAL-TRANSMISSION-ID': transmission.transmissionId,
  'PAYPAL-TRANSMISSION-TIME': transmission.transmissionTime,
  'PAYPAL-TRANSMISSION-SIG': transmission.transmissionSig,
  'PAYPAL-CERT-URL': transmission.certUrl,
  'PAYPAL-AUTH-ALGO': transmission.authAlgo,
  'PAYPAL-AUTH-VERSION': 'v2',
};

describe('readTransmission', () => {
  it('reads the headers whatever their case, from Node or Fetch headers', () => {
    expect(readTransmission(upper)).toEqual(transmission);
    const lower = Object.fromEntries(Object.entries(upper).map(([k, v]) => [k.toLowerCase(), v]));
    expect(readTransmission(lower)).toEqual(transmission);
    expect(readTransmission(new Headers(upper))).toEqual(transmission);
    expect(readTransmission({ ...lower, 'paypal-auth-algo': ['SHA256withRSA'] })).toEqual(transmission);
  });

  it('gives null when a header is missing, empty or repeated', () => {
    const { 'PAYPAL-CERT-URL': _cert, ...missing } = upper;
    expect(readTransmission(missing)).toBeNull();
    expect(readTransmission({ ...upper, 'PAYPAL-TRANSMISSION-SIG': '  ' })).toBeNull();
    expect(readTransmission({ ...upper, 'PAYPAL-TRANSMISSION-SIG': ['a', 'b'] })).toBeNull();
    expect(readTransmission({ ...upper, 'paypal-transmission-sig': 'other' })).toBeNull();
    expect(readTransmission({})).toBeNull();
  });
});

describe('parseWebhookEvent', () => {
  it('reads the envelope from the raw text', () => {
    const parsed = parseWebhookEvent(
      JSON.stringify({ id: 'WH-1', event_type: 'BILLING.SUBSCRIPTION.CANCELLED', resource_type: 'subscription', create_time: 'x', resource: subscriptionSample() }),
    );
    expect(parsed.ok && parsed.value).toMatchObject({ id: 'WH-1', eventType: 'BILLING.SUBSCRIPTION.CANCELLED', resourceType: 'subscription', createTime: null });
  });

  it('fails with a reason for text that is not an event', () => {
    expect(parseWebhookEvent('not json')).toEqual({ ok: false, problem: 'the body is not JSON' });
    const noType = parseWebhookEvent('{"id":"WH-1"}');
    expect(noType.ok).toBe(false);
    expect(!noType.ok && noType.problem).toContain('event_type');
    expect(parseWebhookEvent('[]').ok).toBe(false);
  });
});

describe('resources', () => {
  it('reads the sale of PAYMENT.SALE.COMPLETED with its subscription id', () => {
    const parsed = parseSaleResource({
      id: '80021663DE681814L',
      state: 'completed',
      amount: { total: '10.00', currency: 'USD', details: { subtotal: '10.00' } },
      billing_agreement_id: SUBSCRIPTION_ID,
      create_time: '2026-03-10T07:00:05Z',
      transaction_fee: { value: '0.59', currency: 'USD' },
    });
    expect(parsed).toEqual({
      ok: true,
      value: { id: '80021663DE681814L', state: 'completed', amount: { total: '10.00', currency: 'USD' }, billingAgreementId: SUBSCRIPTION_ID, createTime: new Date('2026-03-10T07:00:05Z') },
    });
    expect(parseSaleResource({ id: 'x' }).ok).toBe(false);
  });

  it('reads the subscription of BILLING.SUBSCRIPTION.* events', () => {
    const parsed = parseSubscriptionResource(subscriptionSample({ status: 'CANCELLED' }));
    expect(parsed.ok && parsed.value.status).toBe('CANCELLED');
    expect(parseSubscriptionResource(null).ok).toBe(false);
  });
});

describe('verificationBody', () => {
  it('splices the raw text in after the transmission fields', () => {
    const raw = ' {"b":1, "a":"\\u00e9"} ';
    const body = verificationBody(transmission, 'WH1', raw)!;
    expect(body).toBe(
      '{"auth_algo":"SHA256withRSA","cert_url":"https://api.paypal.com/v1/notifications/certs/CERT-360caa42",' +
        '"transmission_id":"69cd13f0-d67a-11e5-baa3-778b53f4ae55","transmission_sig":"c2lnbmF0dXJl",' +
        `"transmission_time":"2026-03-10T07:00:08Z","webhook_id":"WH1","webhook_event":${raw}}`,
    );
    expect(JSON.parse(body).webhook_event).toEqual({ b: 1, a: 'é' });
  });

  it('refuses anything but one JSON object, so nothing can be smuggled into the request', () => {
    for (const raw of ['', '  ', 'null', '"x"', '[{}]', '{}, "webhook_id": "X"', '{"a":1}}', '{"a":1} {"b":2}']) {
      expect(verificationBody(transmission, 'WH1', raw)).toBeNull();
    }
  });

  it('escapes header values rather than splicing them', () => {
    const body = verificationBody({ ...transmission, authAlgo: 'x","webhook_id":"EVIL' }, 'WH1', '{}')!;
    expect(JSON.parse(body)).toMatchObject({ auth_algo: 'x","webhook_id":"EVIL', webhook_id: 'WH1' });
  });
});
