/**
 * Injected faults: upstream errors and dropped streams, on demand, consumed in order.
 */
import type { FastifyInstance } from 'fastify';
import { HOSTILE_BODIES, type HostileBody, sendHostileBody } from './hostile-bodies';
import { isRecord, pathOf } from './http';
import type { Recorder } from './recording';

interface FaultScope {
  /** Path prefix the fault applies to, default '/oauth2/v1/'. */
  path?: string;
  /** How many matching requests meet it, default 1. */
  times?: number;
}

/** Stream this many SSE chunks, then destroy the socket. Only a streamed answer meets it. */
export interface DropAfterChunksFault extends FaultScope {
  kind: 'drop-after-chunks';
  chunks: number;
}

/** Answer with this status (and Retry-After, and body) instead of handling the request. */
export interface StatusFault extends FaultScope {
  kind: 'status';
  status: number;
  retryAfter?: number;
  body?: unknown;
}

/**
 * Handle the request, then hold its response until the test releases it: a refresh kept in
 * flight while the person does something else.
 */
export interface HoldFault extends FaultScope {
  kind: 'hold';
}

/** A response the gateway is holding back; `body` is what it will send once released. */
export interface HeldResponse {
  path: string;
  body: string;
  release(): void;
}
/** Answer with a body no honest server sends (see hostile-bodies.ts) instead of handling it. */
export interface HostileBodyFault extends FaultScope {
  kind: 'hostile-body';
  body: HostileBody;
}

export type Fault = DropAfterChunksFault | StatusFault | HoldFault | HostileBodyFault;

interface QueuedFault {
  fault: Fault;
  path: string;
  remaining: number;
}

const DEFAULT_FAULT_PATH = '/oauth2/v1/';

export class FaultQueue {
  private queue: QueuedFault[] = [];
  private held: HeldResponse[] = [];
  /** Held responses no test has taken yet, and tests waiting for the next one. */
  private untaken: HeldResponse[] = [];
  private waiting: ((held: HeldResponse) => void)[] = [];

  inject(fault: Fault): void {
    this.queue.push({
      fault: validateFault(fault),
      path: fault.path ?? DEFAULT_FAULT_PATH,
      remaining: fault.times ?? 1,
    });
  }

  /** Drops every queued fault and lets every held response go. */
  clear(): void {
    this.queue = [];
    this.releaseHeld();
  }

  /** The next response held back (one already held, or the next to be). */
  nextHeld(): Promise<HeldResponse> {
    const held = this.untaken.shift();
    if (held) return Promise.resolve(held);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  releaseHeld(): void {
    for (const held of [...this.held]) held.release();
    this.untaken = [];
  }

  private hold(path: string, body: string): Promise<void> {
    return new Promise((resolve) => {
      const held: HeldResponse = {
        path,
        body,
        release: () => {
          this.held = this.held.filter((other) => other !== held);
          resolve();
        },
      };
      this.held.push(held);
      const waiter = this.waiting.shift();
      if (waiter) waiter(held);
      else this.untaken.push(held);
    });
  }

  /**
   * The first queued fault for this path, consumed, if it is of the wanted kind. A fault of the
   * other kind first in line blocks: faults are met in the order they were injected.
   */
  take<Kind extends Fault['kind']>(
    path: string,
    kind: Kind,
  ): Extract<Fault, { kind: Kind }> | undefined {
    const index = this.queue.findIndex((queued) => path.startsWith(queued.path));
    const queued = this.queue[index];
    if (!queued || !isOfKind(queued.fault, kind)) return undefined;
    queued.remaining -= 1;
    if (queued.remaining <= 0) this.queue.splice(index, 1);
    return queued.fault;
  }

  /** Status faults and hostile bodies are answered before anything else looks at the request (CORS aside). */
  install(app: FastifyInstance, recorder: Recorder): void {
    app.addHook('onRequest', async (request, reply) => {
      if (request.method === 'OPTIONS') return;
      const hostile = this.take(pathOf(request.url), 'hostile-body');
      if (hostile) {
        void sendHostileBody(request, reply, recorder, hostile.body);
        return reply;
      }
      const fault = this.take(pathOf(request.url), 'status');
      if (!fault) return;
      recorder.annotate(request, { fault: `status ${fault.status}` });
      if (fault.retryAfter !== undefined) reply.header('retry-after', String(fault.retryAfter));
      return reply.code(fault.status).send(fault.body ?? defaultFaultBody(fault.status));
    });
    app.addHook('onSend', async (request, _reply, payload) => {
      const path = pathOf(request.url);
      const fault = this.take(path, 'hold');
      if (!fault) return payload;
      recorder.annotate(request, { fault: 'hold' });
      await this.hold(path, typeof payload === 'string' ? payload : '');
      return payload;
    });
  }
}

function isOfKind<Kind extends Fault['kind']>(
  fault: Fault,
  kind: Kind,
): fault is Extract<Fault, { kind: Kind }> {
  return fault.kind === kind;
}

function validateFault(fault: unknown): Fault {
  if (!isRecord(fault)) throw new TypeError('A fault must be an object');
  const { kind, times, path } = fault;
  if (times !== undefined && !(Number.isInteger(times) && Number(times) >= 1)) {
    throw new TypeError('times must be a positive integer');
  }
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/'))) {
    throw new TypeError('path must be a path prefix starting with /');
  }
  if (kind === 'drop-after-chunks') {
    if (!Number.isInteger(fault.chunks) || Number(fault.chunks) < 0) {
      throw new TypeError('chunks must be a non-negative integer');
    }
    return fault as unknown as DropAfterChunksFault;
  }
  if (kind === 'status') {
    const { status, retryAfter } = fault;
    if (!Number.isInteger(status) || Number(status) < 400 || Number(status) > 599) {
      throw new TypeError('status must be an HTTP error status (400–599)');
    }
    if (retryAfter !== undefined && !(Number.isInteger(retryAfter) && Number(retryAfter) >= 0)) {
      throw new TypeError('retryAfter must be a whole number of seconds');
    }
    return fault as unknown as StatusFault;
  }
  if (kind === 'hold') return fault as unknown as HoldFault;
  if (kind === 'hostile-body') {
    if (!HOSTILE_BODIES.includes(fault.body as HostileBody)) {
      throw new TypeError(`body must be one of ${HOSTILE_BODIES.join(', ')}`);
    }
    return fault as unknown as HostileBodyFault;
  }
  throw new TypeError(`Unknown fault kind: ${String(kind)}`);
}

/** What LiteLLM answers for an upstream error: an OpenAI-style error object. */
function defaultFaultBody(status: number): unknown {
  const type =
    status === 429 ? 'rate_limit_error' : status >= 500 ? 'api_error' : 'invalid_request_error';
  return {
    error: { message: `Injected fault: HTTP ${status}`, type, param: null, code: String(status) },
  };
}
