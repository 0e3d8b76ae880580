/**
 * An answer that cannot even start (here: the picture code fails to load, as a chunk can after an
 * update) ends at once as a failed answer, kept so, with Retry; the panel is free to ask again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChatModel } from '../../../entrypoints/sidepanel/chat-model';
import { pacedStream, settle, signedIn, testDeps } from './harness';

beforeEach(() => fakeBrowser.reset());

describe('an answer that cannot start', () => {
  it('ends with the error, is stored so, and leaves the panel free', async () => {
    const paced = pacedStream(1);
    const { deps, store } = testDeps(paced.stream);
    let loads = 0;
    const startImageJob = deps.startImageJob;
    deps.startImageJob = async (...args) => {
      if (++loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return startImageJob(...args);
    };
    const chat = createChatModel(deps);
    await chat.showAuth(signedIn());
    await chat.loadModels();

    expect(await chat.askForImage('a lighthouse', { model: 'dall-e-3', size: '1024x1024' })).toBe(
      true,
    );
    await chat.idle();
    const answer = chat.messages.peek()[1];
    expect(answer?.status.peek()).toBe('error');
    expect(answer?.error.peek()?.message).toBe('Something went wrong with this answer.');
    expect(chat.streamingId.peek()).toBeNull();

    const id = chat.activeConversation.peek()?.id ?? '';
    const kept = await store.loadMessages(id);
    expect(kept.map((message) => message.status)).toEqual(['complete', 'error']);

    // Retry starts it again; this time the code loads (and the image API, absent here, fails).
    await chat.regenerate();
    await chat.idle();
    expect(loads).toBe(2);
    expect(chat.streamingId.peek()).toBeNull();
    expect(await chat.send('and now a question')).toBe(true);
    await settle();
    expect(paced.requests).toHaveLength(1);
  });
});
