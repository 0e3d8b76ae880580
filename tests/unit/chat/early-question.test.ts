/**
 * A question sent the moment the panel opens, before the model list has arrived, waits for it:
 * it is neither dropped nor sent without a model. The list's arrival is a deferred promise, so
 * the order is the test's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChatModel } from '../../../entrypoints/sidepanel/chat-model';
import { pacedStream, pumpUntil, settle, signedIn, testDeps } from './harness';

function modelListLater() {
  let arrive: () => void = () => {};
  const list = new Promise<unknown>((resolve) => {
    arrive = () => resolve({ data: [{ id: 'gpt-4o-mini' }] });
  });
  return { fetchModelIds: () => list, arrive };
}

beforeEach(() => fakeBrowser.reset());

describe('a question sent before the model list has arrived', () => {
  it('waits for the list, then is stored and answered with the chosen model', async () => {
    const paced = pacedStream(2);
    const { deps, store } = testDeps(paced.stream);
    const models = modelListLater();
    const chat = createChatModel({ ...deps, fetchModelIds: models.fetchModelIds });
    await chat.showAuth(signedIn()); // asks for the list, which has not arrived
    expect(chat.modelsState.peek()).toBe('loading');

    let stored = false;
    const sent = chat.send('What is light?', [], () => {
      stored = true;
    });
    await settle();
    expect(paced.requests).toHaveLength(0);
    expect(stored).toBe(false); // still in the question box, not lost
    expect(chat.messages.peek()).toHaveLength(0);

    models.arrive();
    const answered = await pumpUntil(paced, async () => {
      const ok = await sent;
      await chat.idle();
      return ok;
    });
    expect(answered).toBe(true);
    expect(stored).toBe(true);
    expect(paced.requests.map((request) => request.model)).toEqual(['gpt-4o-mini']);
    const [conversation] = await store.listConversations({ provider: 'aipass', sub: 'ada' });
    const messages = await store.loadMessages(conversation?.id ?? '');
    expect(messages.map((message) => [message.role, message.text])).toEqual([
      ['user', 'What is light?'],
      ['assistant', 'part0 part1 '],
    ]);
  });

  it('a second question sent meanwhile is refused while the first is answered, and kept', async () => {
    const paced = pacedStream(1);
    const { deps } = testDeps(paced.stream);
    const models = modelListLater();
    const chat = createChatModel({ ...deps, fetchModelIds: models.fetchModelIds });
    await chat.showAuth(signedIn());
    const storedOnes: string[] = [];
    const first = chat.send('First?', [], () => storedOnes.push('First?'));
    const second = chat.send('Second?', [], () => storedOnes.push('Second?'));
    await settle();
    models.arrive();
    const results = await pumpUntil(paced, async () => {
      const both = await Promise.all([first, second]);
      await chat.idle();
      return both;
    });
    // As with any question sent while an answer streams: refused, so it stays in the box.
    expect(results).toEqual([true, false]);
    expect(storedOnes).toEqual(['First?']);
    expect(chat.messages.peek().map((message) => message.text.peek())).toEqual([
      'First?',
      'part0 ',
    ]);
  });
});
