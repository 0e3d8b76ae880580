/**
 * A side panel model on fake-indexeddb with a paced fake stream: each chunk of each answer
 * arrives only when the test calls `step()`, so the order of events is the test's, not a clock's.
 */
import 'fake-indexeddb/auto';
import type { ChatDeps } from '../../../entrypoints/sidepanel/chat-deps';
import { ApiError } from '../../../lib/api/errors';
import type { AuthStatus } from '../../../lib/auth/status';
import type { AnswerRequest } from '../../../lib/chat/answer-runner';
import { openChatStore } from '../../../lib/chat/store';
import { createChatSync } from '../../../lib/chat/sync';
import { type ImageJobDeps, startImageJob } from '../../../lib/images/image-job';

export function signedIn(sub = 'ada', provider = 'aipass'): AuthStatus {
  return {
    signedIn: true,
    user: { sub, name: sub, email: `${sub}@example.com` },
    provider: { id: provider, name: 'AI Pass', issuer: 'http://gateway.test', hasBalance: false },
  };
}

interface Waiter {
  resolve: () => void;
  fail: boolean;
}

/** A stream whose chunks wait for `step()`. An answer is `chunks` long. */
export function pacedStream(chunks = 3) {
  const waiting: Waiter[] = [];
  const requests: AnswerRequest[] = [];
  async function* stream(request: AnswerRequest): AsyncGenerator<string> {
    requests.push(request);
    for (let i = 0; i < chunks; i++) {
      const failed = await new Promise<boolean>((resolve, reject) => {
        const waiter: Waiter = { resolve: () => resolve(waiter.fail), fail: false };
        waiting.push(waiter);
        request.signal.addEventListener(
          'abort',
          () => {
            waiting.splice(waiting.indexOf(waiter), 1);
            reject(new DOMException('The answer was stopped.', 'AbortError'));
          },
          { once: true },
        );
      });
      if (failed) throw new ApiError('server', 'The server failed.');
      yield `part${i} `;
    }
  }
  return {
    stream,
    requests,
    /** Lets the oldest waiting chunk arrive (or fail). */
    step(fail = false): boolean {
      const waiter = waiting.shift();
      if (!waiter) return false;
      waiter.fail = fail;
      waiter.resolve();
      return true;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

/** Lets promises and fake-indexeddb's queued work run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

let databases = 0;

/** What image requests answer in these tests: by default, nothing (an error). */
export type ImageApi = Pick<ImageJobDeps, 'generate' | 'edit' | 'fetchPicture'>;

export function testDeps(
  stream: ChatDeps['stream'],
  database = `chat-test-${++databases}`,
  imageApi: ImageApi = {},
) {
  const sync = createChatSync(`${database}-channel`);
  const store = openChatStore({ database, announce: sync.announce });
  const deps: ChatDeps = {
    store,
    sync,
    stream,
    fetchModelIds: async () => ({ data: [{ id: 'gpt-4o-mini' }] }),
    imageFor: async () => 'data:image/png;base64,AAAA',
    editSourceFor: async () => new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }),
    startImageJob: async (question, answer, save, saveImages) =>
      startImageJob(
        { loadImage: store.loadImage, save, saveImages, ...imageApi },
        question,
        answer,
      ),
    windowId: async () => 1,
    signIn: () => undefined,
  };
  return { deps, store, sync, database };
}

/**
 * Lets every waiting chunk arrive, one per turn of the event loop, until `until` has settled:
 * whatever answers it starts on the way get their chunks too.
 */
export async function pumpUntil<T>(
  paced: ReturnType<typeof pacedStream>,
  until: () => Promise<T>,
): Promise<T> {
  let pumping = true;
  const pump = (async () => {
    while (pumping) {
      paced.step();
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  try {
    return await until();
  } finally {
    pumping = false;
    await pump;
  }
}
