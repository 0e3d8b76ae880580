/**
 * Bodies no honest server sends, for testing that the client bounds every read: an SSE line that
 * never ends, an answer that never ends, and a gigabyte of JSON. Each is made as it is written,
 * at the pace the client reads (back-pressure), and stops when the client closes the connection;
 * the request's record says how many bytes went out.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Recorder } from './recording';

export type HostileBody = 'endless-line' | 'endless-answer' | 'gigabyte';

export const HOSTILE_BODIES: readonly HostileBody[] = [
  'endless-line',
  'endless-answer',
  'gigabyte',
];

const GIGABYTE = 1024 * 1024 * 1024;

/** The next piece of each body, given how many bytes were already written; null at the end. */
const PIECES: Record<HostileBody, { type: string; next: (written: number) => string | null }> = {
  'endless-line': {
    type: 'text/event-stream; charset=utf-8',
    next: (written) => (written === 0 ? 'data: ' : 'x'.repeat(16_384)),
  },
  'endless-answer': {
    type: 'text/event-stream; charset=utf-8',
    next: () =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'and on and on ' }, finish_reason: null }] })}\n\n`.repeat(
        200,
      ),
  },
  gigabyte: {
    type: 'application/json',
    next: (written) =>
      written >= GIGABYTE ? null : (written === 0 ? '[' : '') + '"gpt-4o-mini",'.repeat(4096),
  },
};

export async function sendHostileBody(
  request: FastifyRequest,
  reply: FastifyReply,
  recorder: Recorder,
  body: HostileBody,
): Promise<void> {
  reply.hijack();
  const response = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) response.setHeader(name, value);
  }
  response.writeHead(200, { 'content-type': PIECES[body].type, 'cache-control': 'no-cache' });
  recorder.annotate(request, { status: 200, fault: `hostile body: ${body}`, bytesSent: 0 });
  let closed = false;
  response.once('close', () => {
    closed = true;
  });
  let written = 0;
  while (!closed) {
    const piece = PIECES[body].next(written);
    if (piece === null) break;
    written += Buffer.byteLength(piece);
    recorder.annotate(request, { bytesSent: written });
    if (!response.write(piece)) {
      await new Promise<void>((resolve) => {
        response.once('drain', resolve);
        response.once('close', resolve);
      });
    } else {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (!closed) response.end();
}
