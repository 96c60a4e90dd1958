import QRCode from 'qrcode';
import { SimHttpError } from './api-error';
import { SECOND_MS } from './clock';
import { qrSessionStart } from './channel-health';
import { qrPayload } from './ids';
import type { ChannelRecord } from './state';

/** WhatsApp rotates its linking QR roughly every 20 s (NOTES §10.10); `expire` counts down to the next code. */
export const QR_TTL_MS = 20 * SECOND_MS;

export function currentQr(channel: ChannelRecord, now: number): { rowdata: string; expire: number } {
  const start = qrSessionStart(channel);
  const rotation = Math.max(0, Math.floor((now - start) / QR_TTL_MS));
  const expiresAt = start + (rotation + 1) * QR_TTL_MS;
  return { rowdata: qrPayload(channel.qrSeed, rotation), expire: Math.max(1, Math.ceil((expiresAt - now) / SECOND_MS)) };
}

export interface QrLook {
  size?: number;
  width?: number;
  height?: number;
  color_light?: string;
  color_dark?: string;
}

// The older spec's defaults: 300 px image, dark #122e31 on white.
function renderOptions(look: QrLook) {
  const width = Math.round(look.width ?? look.height ?? look.size ?? 300);
  if (width < 64 || width > 2000) throw new SimHttpError(422, `Render QR failed: size ${width} is outside 64..2000`);
  return { width, margin: 2, color: { dark: look.color_dark ?? '#122e31', light: look.color_light ?? '#ffffff' } };
}

/** A real, scannable PNG of the payload. Bad colours (qrcode only takes hex) are WHAPI's 422 "Render QR failed". */
export async function renderQrPng(rowdata: string, look: QrLook): Promise<Buffer> {
  try {
    return await QRCode.toBuffer(rowdata, { type: 'png', ...renderOptions(look) });
  } catch (error) {
    if (error instanceof SimHttpError) throw error;
    throw new SimHttpError(422, `Render QR failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `base64` carries the data-URI prefix: clients strip it or render it directly (§10.10). */
export async function renderQrDataUrl(rowdata: string, look: QrLook): Promise<string> {
  return `data:image/png;base64,${(await renderQrPng(rowdata, look)).toString('base64')}`;
}
