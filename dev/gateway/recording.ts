/**
 * Records every request (except the test harness's own /__admin calls) so tests can see what a
 * client really sent, with which token, and whether it hung up early.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ADMIN_PREFIX, pathOf } from './http';

/** What the gateway found in an image it received. */
export interface ImageFacts {
  format: string;
  width: number;
  height: number;
  bytes: number;
}

/** One multipart part: a file (name, type, size) or a text field (its value). */
export interface MultipartPartSummary {
  field: string;
  filename?: string;
  mimetype?: string;
  bytes?: number;
  /** A file's SHA-256 in hex, so a test can tell the exact bytes arrived. */
  sha256?: string;
  /** A file's first bytes in hex: enough to tell its container (WebM's EBML header 1a45dfa3). */
  head?: string;
  value?: string;
}

export interface RecordedRequest {
  id: number;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** As received, `authorization` included so tests can tell which token was used. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, form fields, or `{ parts }` for multipart. */
  body: unknown;
  status: number | null;
  startedAt: number;
  finishedAt: number | null;
  /** The client closed the connection before the response was complete. */
  aborted: boolean;
  /** Images found in a vision message or an image upload. */
  images?: ImageFacts[];
  /** The injected fault that this request met, if any. */
  fault?: string;
  /** For a streamed answer: when each SSE event was handed to the socket (ms since the epoch). */
  eventsSentAt?: number[];
  /** For a hostile body: how many bytes went out before the client stopped reading. */
  bytesSent?: number;
}

export class Recorder {
  private records: RecordedRequest[] = [];
  private nextId = 1;
  private readonly byRequest = new WeakMap<FastifyRequest, RecordedRequest>();

  constructor(private readonly log: boolean) {}

  install(app: FastifyInstance): void {
    app.addHook('onRequest', async (request, reply) => {
      const path = pathOf(request.url);
      if (path.startsWith(`${ADMIN_PREFIX}/`)) return;
      const record: RecordedRequest = {
        id: this.nextId++,
        method: request.method,
        path,
        query: queryOf(request.url),
        headers: { ...request.headers },
        body: undefined,
        status: null,
        startedAt: Date.now(),
        finishedAt: null,
        aborted: false,
      };
      this.records.push(record);
      this.byRequest.set(request, record);
      reply.raw.once('close', () => {
        record.finishedAt = Date.now();
        record.status ??= reply.raw.headersSent ? reply.raw.statusCode : null;
        // A connection the gateway dropped on purpose is a fault, not the client hanging up.
        record.aborted = !reply.raw.writableFinished && record.fault === undefined;
        if (this.log) console.log(logLine(record));
      });
    });
    app.addHook('preHandler', async (request) => {
      const record = this.byRequest.get(request);
      if (record && request.body !== undefined) record.body = request.body;
    });
    app.addHook('onSend', async (request, reply) => {
      const record = this.byRequest.get(request);
      if (record) record.status = reply.statusCode;
    });
  }

  /** Adds what a handler learnt (multipart summary, images, status of a hijacked reply). */
  annotate(request: FastifyRequest, facts: Partial<Omit<RecordedRequest, 'id'>>): void {
    const record = this.byRequest.get(request);
    if (record) Object.assign(record, facts);
  }

  list(): RecordedRequest[] {
    return this.records.map((record) => ({ ...record }));
  }

  clear(): void {
    this.records = [];
  }
}

function queryOf(url: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return query;
  for (const [name, value] of new URLSearchParams(url.slice(queryStart + 1))) {
    const earlier = query[name];
    if (earlier === undefined) query[name] = value;
    else query[name] = Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  return query;
}

/** The path only: queries can carry tokens (`/oauth2/revoke?token=`), so they are never logged. */
function logLine(record: RecordedRequest): string {
  const elapsed = (record.finishedAt ?? Date.now()) - record.startedAt;
  const note = record.aborted
    ? ' (client closed)'
    : record.fault
      ? ` (fault: ${record.fault})`
      : '';
  return `${record.method} ${record.path} ${record.status ?? '-'} ${elapsed}ms${note}`;
}
