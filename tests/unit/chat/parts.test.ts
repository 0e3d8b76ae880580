import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { PageAction, PendingAction } from '../../../lib/actions/page-action';
import { createActionInbox } from '../../../lib/chat/action-inbox';
import { startAnswer } from '../../../lib/chat/answer-runner';
import { liveMessage } from '../../../lib/chat/live-message';
import { StorageProblem } from '../../../lib/chat/storage-problem';
import { pacedStream, settle } from './harness';

const blank = () =>
  liveMessage({
    id: 'a',
    conversationId: '',
    role: 'assistant',
    text: '',
    status: 'streaming',
    createdAt: 1,
  });

describe('the answer runner', () => {
  it('owns its stop: stop() resolves after the answer ended, marked stopped and saved', async () => {
    const paced = pacedStream(3);
    const saved: string[] = [];
    const answer = blank();
    const running = startAnswer(
      { stream: paced.stream, save: async (m) => void saved.push(m.status.peek()) },
      answer,
      'model',
      [],
    );
    await settle();
    paced.step();
    await settle();
    await running.stop();
    expect(answer.status.peek()).toBe('stopped');
    expect(answer.text.peek()).toBe('part0 ');
    expect(saved.at(-1)).toBe('stopped');
  });

  it('a failing stream ends as an error with words; a failing last save is reported, text kept', async () => {
    const paced = pacedStream(2);
    const answer = blank();
    let saves = 0;
    const running = startAnswer(
      {
        stream: paced.stream,
        save: async () => {
          if (++saves > 1) throw new StorageProblem('quota');
        },
      },
      answer,
      'model',
      [],
    );
    await settle();
    paced.step();
    await settle();
    paced.step(true);
    const outcome = await running.done;
    expect(answer.status.peek()).toBe('error');
    expect(answer.error.peek()?.message).toBe('The server failed.');
    expect(answer.text.peek()).toBe('part0 ');
    expect(outcome.unsaved?.code).toBe('quota');
  });

  it('shows what streams in once per frame, however many pieces arrived, and all of it at the end', async () => {
    const frames: (() => void)[] = [];
    const answer = blank();
    // Every piece of a frame is in the stream already: a server far faster than the screen.
    async function* stream(): AsyncGenerator<string> {
      for (let piece = 0; piece < 3000; piece++) {
        if (piece === 1000 || piece === 2000) await settle(); // two frames go by
        yield 'and on ';
      }
    }
    const changes: string[] = [];
    const arrivals: number[] = [];
    const stopWatching = effect(() => {
      changes.push(answer.text.value);
      arrivals.push(answer.arrived.value?.text.length ?? 0);
    });
    const running = startAnswer(
      { stream, save: async () => {}, nextFrame: (callback) => void frames.push(callback) },
      answer,
      'model',
      [],
    );
    await settle();
    expect(frames).toHaveLength(1); // one frame asked for, not one per piece
    frames.shift()?.();
    expect(answer.text.peek()).toBe('and on '.repeat(1000));
    expect(answer.arrived.peek()?.text).toBe('and on '.repeat(1000));
    await settle();
    frames.shift()?.();
    expect(answer.text.peek()).toBe('and on '.repeat(2000));
    expect(answer.arrived.peek()?.text).toBe('and on '.repeat(1000)); // only what was new
    await running.done;
    expect(answer.text.peek()).toBe('and on '.repeat(3000)); // the rest, without waiting a frame
    expect(answer.status.peek()).toBe('complete');
    frames.shift()?.(); // a frame asked for before the end has nothing left to show
    expect(changes).toEqual(['', ...[1000, 2000, 3000].map((n) => 'and on '.repeat(n))]);
    expect(arrivals).toEqual([0, 7000, 7000, 7000]);
    stopWatching();
  });

  it('without a model it fails at once, asking to pick one', async () => {
    const answer = blank();
    await startAnswer({ stream: pacedStream().stream, save: async () => {} }, answer, undefined, [])
      .done;
    expect(answer.error.peek()?.message).toBe('Pick a model first.');
  });
});

describe('the inbox of page actions', () => {
  const entry = (action: PageAction): PendingAction => ({
    id: crypto.randomUUID(),
    windowId: 1,
    createdAt: 0,
    action,
  });
  const page = { title: 'P', url: 'https://p.test/' };

  it('runs actions one after another; one that fails does not stop the next', async () => {
    const ran: string[] = [];
    const inbox = createActionInbox(
      async (action) => {
        ran.push(action.kind);
        if (action.kind === 'summarize') throw new Error('broken');
      },
      () => true,
    );
    inbox.enqueue(entry({ kind: 'summarize', text: 't', omitted: 0, page }));
    inbox.enqueue(entry({ kind: 'explain', text: 't', omitted: 0, page }));
    await inbox.idle();
    expect(ran).toEqual(['summarize', 'explain']);
  });

  it('keeps actions that arrive signed out until the sign-in, except a failure to report', async () => {
    let signedIn = false;
    const ran: string[] = [];
    const inbox = createActionInbox(
      async (action) => void ran.push(action.kind),
      () => signedIn,
    );
    inbox.enqueue(entry({ kind: 'explain', text: 't', omitted: 0, page }));
    inbox.enqueue(entry({ kind: 'failed', title: 'No', message: 'No selection', page }));
    await inbox.idle();
    expect(ran).toEqual(['failed']);
    expect(inbox.waiting.peek()).toHaveLength(1);
    signedIn = true;
    inbox.release();
    await inbox.idle();
    expect(ran).toEqual(['failed', 'explain']);
    expect(inbox.waiting.peek()).toEqual([]);
  });
});
