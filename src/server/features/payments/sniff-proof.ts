import { fileTypeFromBuffer } from 'file-type';
import { PROOF_TYPES } from '../../../contracts/payments';
import { AppError } from '../../app-error';

export type ProofType = (typeof PROOF_TYPES)[number];

const EXTENSIONS: Record<ProofType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

// Markup that makes a "picture" a polyglot a browser might render as a page (QUALITY F2).
const MARKUP = /<(?:!doctype|html|script|svg|iframe|body|head|object|embed)\b/i;

/**
 * The proof's real type, from its bytes only: the name and the declared type are ignored (QUALITY F2). Anything
 * but JPEG, PNG, WebP or PDF, or an image carrying markup in its first kilobyte, is refused with 415.
 */
export async function sniffProof(bytes: Buffer): Promise<ProofType> {
  const refused = new AppError('UNSUPPORTED_MEDIA_TYPE', 'The proof must be a JPEG, PNG or WebP picture or a PDF.');
  const found = await fileTypeFromBuffer(bytes);
  const mime = found?.mime as string | undefined;
  if (!mime || !(PROOF_TYPES as readonly string[]).includes(mime)) throw refused;
  const type = mime as ProofType;
  if (type === 'image/png' && bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw refused;
  if (type !== 'application/pdf' && MARKUP.test(bytes.subarray(0, 1024).toString('latin1'))) throw refused;
  return type;
}

/** A safe download name: letters, digits, dot, dash, underscore and space only, with the sniffed extension. */
export function proofFilename(original: string | undefined, type: ProofType): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9._ -]+/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 80);
  return `${stem || 'proof'}.${EXTENSIONS[type]}`;
}
