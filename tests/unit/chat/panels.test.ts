import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChatModel } from '../../../entrypoints/sidepanel/chat-model';
import { pacedStream, pumpUntil, settle, signedIn, testDeps } from './harness';

beforeEach(() => fakeBrowser.reset());

/** Two panels (two windows) on one database, hearing each other through their channels. */
async function twoPanels() {
  const paced = pacedStream(3);
  const one = testDeps(paced.stream);
  const two = testDeps(paced.stream, one.database);
  const panels = [createChatModel(one.deps), createChatModel(two.deps)] as const;
  for (const panel of panels) {
    panel.listen();
    await panel.showAuth(signedIn());
    await panel.loadModels();
  }
  return { paced, panels, store: one.store };
}

describe('panels in several windows stay in step', () => {
  it('a new conversation and a rename in one appear in the other', async () => {
    const { paced, panels } = await twoPanels();
    const [first, second] = panels;
    await first.send('Hello from one window');
    await pumpUntil(paced, first.idle);
    await expect
      .poll(() => second.allConversations.peek().map((c) => c.title))
      .toEqual(['Hello from one window']);
    const id = first.activeConversation.peek()?.id ?? '';
    await second.openConversation(id);
    await second.rename(id, 'Renamed in the second');
    await expect.poll(() => first.activeConversation.peek()?.title).toBe('Renamed in the second');
    // A new question in the first window does not bring the old title back.
    await first.send('And again');
    await pumpUntil(paced, first.idle);
    await expect.poll(() => second.allConversations.peek()[0]?.title).toBe('Renamed in the second');
    await expect
      .poll(() => second.messages.peek().map((m) => m.text.peek()))
      .toEqual(['Hello from one window', 'part0 part1 part2 ', 'And again', 'part0 part1 part2 ']);
  });

  it('a conversation deleted in one window while the other streams into it is gone for good', async () => {
    const { paced, panels, store } = await twoPanels();
    const [first, second] = panels;
    await first.send('Streaming here');
    await settle();
    paced.step();
    await settle();
    const id = first.activeConversation.peek()?.id ?? '';
    await second.openConversation(id);
    await second.remove(id);
    await expect.poll(() => first.activeConversation.peek()).toBeNull();
    expect(first.isStreaming.peek()).toBe(false);
    expect(first.messages.peek()).toEqual([]);
    await pumpUntil(paced, first.idle);
    expect(await store.getConversation(id)).toBeUndefined();
    expect(await store.loadMessages(id)).toEqual([]);
    // The next question starts a new conversation, in both windows' lists.
    await first.send('A fresh start');
    await pumpUntil(paced, first.idle);
    expect(first.activeConversation.peek()?.id).not.toBe(id);
    await expect
      .poll(() => second.allConversations.peek().map((c) => c.title))
      .toEqual(['A fresh start']);
  });

  it('a search in one window finds what the other just asked, once it heard of it', async () => {
    const { paced, panels } = await twoPanels();
    const [first, second] = panels;
    await second.searchText('lighthouse'); // the second window's search has read everything
    expect(second.searchMatches.peek().size).toBe(0);
    await first.send('Tell me about a lighthouse');
    await pumpUntil(paced, first.idle);
    const id = first.activeConversation.peek()?.id ?? '';
    await expect.poll(() => second.allConversations.peek().map((c) => c.id)).toEqual([id]);
    await second.searchText('lighthouse');
    expect(second.searchMatches.peek().get(id)).toBe('Tell me about a lighthouse');
  });
});

describe('storage that refuses a write', () => {
  it('keeps the question unsent with the reason and Retry, and Retry stores and answers it', async () => {
    const paced = pacedStream(1);
    const { deps, store } = testDeps(paced.stream);
    const chat = createChatModel(deps);
    await chat.showAuth(signedIn());
    await chat.loadModels();
    store.setWriteFault('quota');
    let cleared = 0;
    expect(await chat.send('Keep me', [], () => cleared++)).toBe(false);
    expect(cleared).toBe(0);
    expect(chat.messages.peek()).toEqual([]);
    expect(chat.storageProblem.peek()?.message).toBe(
      'Passlight could not save this conversation: the browser’s storage for extensions is full.',
    );
    store.setWriteFault(null);
    await chat.storageProblem.peek()?.retry();
    await pumpUntil(paced, chat.idle);
    expect(cleared).toBe(1);
    expect(chat.storageProblem.peek()).toBeNull();
    const id = chat.activeConversation.peek()?.id ?? '';
    expect((await store.loadMessages(id)).map((m) => [m.text, m.status])).toEqual([
      ['Keep me', 'complete'],
      ['part0 ', 'complete'],
    ]);
  });

  it('an answer whose last save fails keeps its text, says so, and Retry saves it', async () => {
    const paced = pacedStream(2);
    const { deps, store } = testDeps(paced.stream);
    const chat = createChatModel(deps);
    await chat.showAuth(signedIn());
    await chat.loadModels();
    await chat.send('Question');
    await settle();
    paced.step();
    await settle();
    store.setWriteFault('quota');
    await pumpUntil(paced, chat.idle);
    const answer = chat.messages.peek()[1];
    expect(answer?.text.peek()).toBe('part0 part1 ');
    expect(chat.storageProblem.peek()?.message).toContain('storage for extensions is full');
    store.setWriteFault(null);
    await chat.storageProblem.peek()?.retry();
    const id = chat.activeConversation.peek()?.id ?? '';
    expect((await store.loadMessages(id)).at(-1)).toMatchObject({
      text: 'part0 part1 ',
      status: 'complete',
    });
    expect(chat.storageProblem.peek()).toBeNull();
  });
});
