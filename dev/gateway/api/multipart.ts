/**
 * Reads a multipart upload whole (uploads here are small), and records a summary of its parts.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { GatewayContext } from '../context';
import type { MultipartPartSummary } from '../recording';
import { invalidRequest } from './errors';

const MAX_FILE_BYTES = 25 * 1024 * 1024;
const MAX_FILES = 16;
/** Text values are recorded up to this length (prompts), never whole. */
const RECORDED_VALUE_LENGTH = 500;
/** A file's first bytes are recorded, never the whole file. */
const RECORDED_HEAD_BYTES = 16;

export interface UploadedFile {
  field: string;
  filename: string;
  mimetype: string;
  bytes: Buffer;
}

export interface MultipartForm {
  /** Text fields; a repeated field keeps its last value. */
  fields: Map<string, string>;
  files: UploadedFile[];
}

export async function readMultipart(
  ctx: GatewayContext,
  request: FastifyRequest,
): Promise<MultipartForm> {
  if (!request.isMultipart()) throw invalidRequest('Send multipart/form-data.');
  const form: MultipartForm = { fields: new Map(), files: [] };
  const parts: MultipartPartSummary[] = [];
  for await (const part of request.parts({
    limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES },
  })) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      form.files.push({
        field: part.fieldname,
        filename: part.filename,
        mimetype: part.mimetype,
        bytes,
      });
      parts.push({
        field: part.fieldname,
        filename: part.filename,
        mimetype: part.mimetype,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        head: bytes.subarray(0, RECORDED_HEAD_BYTES).toString('hex'),
      });
    } else {
      const value = String(part.value);
      form.fields.set(part.fieldname, value);
      parts.push({ field: part.fieldname, value: value.slice(0, RECORDED_VALUE_LENGTH) });
    }
  }
  ctx.recorder.annotate(request, { body: { parts } });
  return form;
}
