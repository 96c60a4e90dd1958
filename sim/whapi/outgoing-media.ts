import { SimHttpError } from './api-error';
import { toUnixSeconds } from './clock';
import { newMediaId } from './ids';

/** Turns the `media` of a send request into the MediaFile WHAPI reports back. `media` may be a URL, base64 (raw or
 *  a data URI) or a pre-uploaded media ID (NOTES §B6). The simulator never downloads URLs, so their `file_size` is 0;
 *  it stores no uploads, so every media ID is 404 "media not found". */
export interface MediaRequest {
  media: string;
  mime_type?: string;
  filename?: string;
}

const EXTENSION_TYPES: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', pdf: 'application/pdf',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain', csv: 'text/csv', zip: 'application/zip',
};

const MEDIA_ID = /^[a-zA-Z0-9]+-[0-9a-fA-F-]+$/;
const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}$/;

function describeSource(media: string): { mime?: string; size: number; name?: string } {
  const dataUri = /^data:([\w.+-]+\/[\w.+-]+)?(?:;[\w=-]+)*;base64,(.*)$/s.exec(media);
  if (dataUri) return { mime: dataUri[1], size: Buffer.from(dataUri[2] ?? '', 'base64').length };
  if (/^https?:\/\//i.test(media)) {
    let name: string | undefined;
    try {
      name = new URL(media).pathname.split('/').pop() || undefined;
    } catch {
      throw new SimHttpError(400, 'body.media is not a valid URL');
    }
    const extension = name?.split('.').pop()?.toLowerCase() ?? '';
    return { mime: EXTENSION_TYPES[extension], size: 0, name };
  }
  if (MEDIA_ID.test(media)) throw new SimHttpError(404, 'Media not found');
  if (BASE64.test(media)) return { size: Buffer.from(media, 'base64').length };
  throw new SimHttpError(400, 'body.media must be a URL, base64 data or a media ID');
}

export function describeMedia(kind: 'image' | 'document', request: MediaRequest, now: number) {
  const source = describeSource(request.media);
  const mime = request.mime_type ?? source.mime ?? (kind === 'image' ? 'image/jpeg' : 'application/octet-stream');
  if (kind === 'image' && !mime.startsWith('image/')) throw new SimHttpError(415, `Unsupported media type ${mime} for an image`);
  const fileName = request.filename ?? (kind === 'document' ? source.name : undefined);
  return {
    id: newMediaId(mime.split('/')[1]?.split(/[.+;-]/)[0] ?? kind),
    mime_type: mime,
    file_size: source.size,
    timestamp: toUnixSeconds(now),
    ...(fileName ? { file_name: fileName } : {}),
  };
}
