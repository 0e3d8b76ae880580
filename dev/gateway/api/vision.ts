/**
 * Reads a chat request's messages: the last user text, and every image part, decoded from its
 * `data:` URL and checked for real.
 */
import { isRecord } from '../http';
import { ACCEPTED_FORMATS_TEXT, inspectImage } from '../media/image-facts';
import type { ImageFacts } from '../recording';
import { apiError, invalidRequest } from './errors';

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);
const ACCEPTED_MIME_TYPES: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

export interface ReadMessages {
  lastUserText: string;
  images: ImageFacts[];
  /** All text sent, to estimate prompt tokens. */
  promptCharacters: number;
}

export function readMessages(messages: unknown): ReadMessages {
  if (!Array.isArray(messages) || messages.length === 0) {
    throw invalidRequest('messages must be a non-empty array.');
  }
  const result: ReadMessages = { lastUserText: '', images: [], promptCharacters: 0 };
  messages.forEach((message, index) => {
    if (!isRecord(message) || typeof message.role !== 'string' || !ROLES.has(message.role)) {
      throw invalidRequest(`messages[${index}] needs a role (system, user, assistant, tool).`);
    }
    const text = readContent(message.content, `messages[${index}].content`, result.images);
    result.promptCharacters += text.length;
    if (message.role === 'user') result.lastUserText = text;
  });
  return result;
}

/** The text of a message's content; image parts are inspected and added to `images`. */
function readContent(content: unknown, where: string, images: ImageFacts[]): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (!Array.isArray(content)) throw invalidRequest(`${where} must be a string or an array.`);
  const texts: string[] = [];
  content.forEach((part, index) => {
    const partWhere = `${where}[${index}]`;
    if (isRecord(part) && part.type === 'text' && typeof part.text === 'string') {
      texts.push(part.text);
    } else if (isRecord(part) && part.type === 'image_url' && isRecord(part.image_url)) {
      const { url } = part.image_url;
      if (typeof url !== 'string') throw invalidRequest(`${partWhere}.image_url.url is required.`);
      images.push(inspectDataUrl(url, partWhere));
    } else {
      throw invalidRequest(`${partWhere} must be a text or image_url part.`);
    }
  });
  return texts.join('\n');
}

function inspectDataUrl(url: string, where: string): ImageFacts {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma === -1) {
    throw invalidRequest(
      `${where}: the local gateway accepts images only as data: URLs (base64), not ${url.split(':')[0]}: URLs.`,
    );
  }
  const [mimeType = '', ...parameters] = url.slice('data:'.length, comma).split(';');
  const declared = ACCEPTED_MIME_TYPES[mimeType.toLowerCase()];
  if (!declared) {
    throw invalidRequest(
      `${where}: unsupported image type ${mimeType || '(none)'}; use ${ACCEPTED_FORMATS_TEXT}.`,
    );
  }
  if (!parameters.includes('base64'))
    throw invalidRequest(`${where}: the data: URL must be base64.`);
  const data = url.slice(comma + 1);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw invalidRequest(`${where}: the image data is not valid base64.`);
  }
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length > MAX_IMAGE_BYTES)
    throw apiError(413, `${where}: the image is larger than 20 MB.`);
  const inspection = inspectImage(bytes);
  if (!inspection.ok) throw invalidRequest(`${where}: ${inspection.reason}`);
  if (inspection.facts.format !== declared) {
    throw invalidRequest(
      `${where}: the image is declared as ${mimeType} but its bytes are ${inspection.facts.format}.`,
    );
  }
  return inspection.facts;
}
