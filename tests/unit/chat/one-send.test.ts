/**
 * Enter pressed twice (or Send clicked twice) before the first question is stored sends it once.
 * The question's write and the model list are held with deferred promises, so each interleaving
 * is the test's, not a clock's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChatModel } from '../../../entrypoints/sidepanel/chat-model';
import type { ChatStore } from '../../../lib/chat/store';
import { pacedStream, pumpUntil, settle, signedIn, testDeps } from './harness';

function deferred() {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { held, release };
}

/** The store, with its first question write waiting for `release()`. */
function holdFirstQuestionWrite(store: ChatStore) {
  const gate = deferred();
  let waiting = true;
  const held: ChatStore = {
    ...store,
    async saveMessage(message) {
      if (waiting && message.role === 'user') {
        waiting = false;
        await gate.held;
      }
      return store.saveMessage(message);
    },
  };
  return { store: held, release: gate.release };
}

async function storedQuestions(store: ChatStore): Promise<string[]> {
  const conversations = await store.listConversations({ provider: 'aipass', sub: 'ada' });
  const messages = await Promise.all(conversations.map((c) => store.loadMessages(c.id)));
  return messages.flat().flatMap((m) => (m.role === 'user' ? [m.text] : []));
}

beforeEach(() => fakeBrowser.reset());

describe('a question sent twice before the first was stored', () => {
  it('is refused the second time at once, and stored and asked once', async () => {
    const paced = pacedStream(1);
    const { deps, store } = testDeps(paced.stream);
    const write = holdFirstQuestionWrite(store);
    const chat = createChatModel({ ...deps, store: write.store });
    await chat.showAuth(signedIn());
    await chat.loadModels();

    const cleared: string[] = [];
    const first = chat.send('Only once?', [], () => cleared.push('first'));
    const second = chat.send('Only once?', [], () => cleared.push('second'));
    // Refused while the first is still being stored, not queued behind it.
    const early = await Promise.race([second, settle().then(() => 'still waiting')]);
    expect(early).toBe(false);

    write.release();
    const results = await pumpUntil(paced, async () => {
      const both = await Promise.all([first, second]);
      await chat.idle();
      return both;
    });
    expect(results).toEqual([true, false]);
    expect(cleared).toEqual(['first']);
    expect(paced.requests).toHaveLength(1);
    expect(await storedQuestions(store)).toEqual(['Only once?']);
    expect(chat.messages.peek().map((m) => [m.role, m.status.peek()])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
  });

  it('is not sent again when the model list is fetched anew in between and the answer ends first', async () => {
    const paced = pacedStream(1);
    const { deps, store } = testDeps(paced.stream);
    const write = holdFirstQuestionWrite(store);
    const list = { data: [{ id: 'gpt-4o-mini' }] };
    const secondList = deferred();
    let lists = 0;
    const chat = createChatModel({
      ...deps,
      store: write.store,
      fetchModelIds: async () => {
        if (++lists > 1) await secondList.held;
        return list;
      },
    });
    await chat.showAuth(signedIn());
    await chat.loadModels();

    const first = chat.send('Only once?');
    await settle();
    // The list is asked for again (Retry on the picker, or after a model went away)...
    const reloaded = chat.loadModels();
    expect(chat.modelsState.peek()).toBe('loading');
    // ...and Enter is pressed again while the first question is still being stored.
    const second = chat.send('Only once?');

    write.release();
    // The first question is stored and fully answered before the list arrives.
    await pumpUntil(paced, async () => {
      await first;
      await chat.idle();
    });
    expect(chat.messages.peek().at(-1)?.status.peek()).toBe('complete');

    secondList.release();
    await reloaded;
    await pumpUntil(paced, async () => {
      await second;
      await chat.idle();
    });
    expect(await first).toBe(true);
    expect(await second).toBe(false);
    expect(paced.requests).toHaveLength(1);
    expect(await storedQuestions(store)).toEqual(['Only once?']);
  });

  it('a request for pictures, sent twice while the first is stored, is made once', async () => {
    const paced = pacedStream(1);
    const asked: string[] = [];
    const { deps, store } = testDeps(paced.stream, undefined, {
      generate: async (request) => {
        asked.push(request.prompt);
        return [];
      },
    });
    const write = holdFirstQuestionWrite(store);
    const chat = createChatModel({ ...deps, store: write.store });
    await chat.showAuth(signedIn());
    await chat.loadModels();

    const options = { model: 'dall-e-3', size: '1024x1024' };
    const first = chat.askForImage('a lighthouse', options);
    const second = chat.askForImage('a lighthouse', options);
    expect(await Promise.race([second, settle().then(() => 'still waiting')])).toBe(false);
    write.release();
    expect(await first).toBe(true);
    await chat.idle();
    expect(asked).toEqual(['a lighthouse']);
    expect(await storedQuestions(store)).toEqual(['a lighthouse']);
  });

  it('can be sent again once the first was refused by storage', async () => {
    const paced = pacedStream(1);
    const { deps, store } = testDeps(paced.stream);
    const chat = createChatModel(deps);
    await chat.showAuth(signedIn());
    await chat.loadModels();

    store.setWriteFault('quota');
    expect(await chat.send('Kept?')).toBe(false);
    expect(chat.storageProblem.peek()).not.toBeNull();
    store.setWriteFault(null);
    const again = await pumpUntil(paced, async () => {
      const sent = await chat.send('Kept?');
      await chat.idle();
      return sent;
    });
    expect(again).toBe(true);
    expect(paced.requests).toHaveLength(1);
    expect(await storedQuestions(store)).toEqual(['Kept?']);
  });
});
