import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChatModel } from '../../../entrypoints/sidepanel/chat-model';
import type { PageAction } from '../../../lib/actions/page-action';
import type { ChatStore } from '../../../lib/chat/store';
import { pacedStream, pumpUntil, settle, signedIn, testDeps } from './harness';

const explain: PageAction = {
  kind: 'explain',
  text: 'Photons carry light.',
  omitted: 0,
  page: { title: 'Optics', url: 'https://example.test/optics' },
};

function action(kind: PageAction, id = crypto.randomUUID()) {
  return { id, windowId: 1, createdAt: Date.now(), action: kind };
}

async function storedConversations(store: ChatStore) {
  const conversations = await store.listConversations({ provider: 'aipass', sub: 'ada' });
  return Promise.all(
    conversations.map(async (c) => ({ conversation: c, messages: await store.loadMessages(c.id) })),
  );
}

beforeEach(() => fakeBrowser.reset());

describe('an answer has one life, whatever comes next', () => {
  it('Regenerate, then Explain while it streams: the regenerated answer stops, Explain gets its own conversation', async () => {
    const paced = pacedStream(2);
    const { deps, store } = testDeps(paced.stream);
    const chat = createChatModel(deps);
    await chat.showAuth(signedIn());
    await chat.loadModels();

    expect(await chat.send('What is light?')).toBe(true);
    await pumpUntil(paced, chat.idle);
    const [first] = chat.messages.peek().slice(-1);
    expect(first?.status.peek()).toBe('complete');
    const asked = chat.activeConversation.peek()?.id;

    const regenerated = chat.regenerate();
    await settle();
    expect(chat.isStreaming.peek()).toBe(true);
    paced.step(); // one chunk of the regenerated answer
    await settle();
    chat.enqueueAction(action(explain));
    await settle();
    // The action stopped the regenerated answer and waited for it: regenerate() did not reject.
    await expect(regenerated).resolves.toBeUndefined();
    expect(first?.status.peek()).toBe('stopped');
    expect(first?.text.peek()).toBe('part0 ');

    await pumpUntil(paced, async () => {
      await chat.actionsIdle();
      await chat.idle();
    });
    const explained = chat.activeConversation.peek();
    expect(explained?.id).not.toBe(asked);
    expect(explained?.title).toBe('Explain: Photons carry light.');
    expect(chat.messages.peek().map((m) => [m.role, m.status.peek()])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);

    const stored = await storedConversations(store);
    const old = stored.find((s) => s.conversation.id === asked);
    expect(old?.messages.map((m) => [m.role, m.status, m.text])).toEqual([
      ['user', 'complete', 'What is light?'],
      ['assistant', 'stopped', 'part0 '],
    ]);
  });

  it('Stop resolves only once the answer has ended and was saved as stopped', async () => {
    const paced = pacedStream(5);
    const { deps, store } = testDeps(paced.stream);
    const chat = createChatModel(deps);
    await chat.showAuth(signedIn());
    await chat.loadModels();
    void chat.send('Long one');
    await settle();
    paced.step();
    await settle();
    await chat.stop();
    expect(chat.isStreaming.peek()).toBe(false);
    const id = chat.activeConversation.peek()?.id ?? '';
    const saved = await store.loadMessages(id);
    expect(saved.map((m) => m.status)).toEqual(['complete', 'stopped']);
  });
});

/** A small seeded generator, so a failing interleaving can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe('any interleaving of clicks', () => {
  it('leaves every question stored and every answer finished, stopped or failed (300 runs)', async () => {
    for (let run = 1; run <= 300; run++) {
      const next = random(run);
      const paced = pacedStream(3);
      const { deps, store } = testDeps(paced.stream);
      const chat = createChatModel(deps);
      await chat.showAuth(signedIn());
      await chat.loadModels();
      const accepted: string[] = [];
      const pending: Promise<unknown>[] = [];
      const log: string[] = [];

      for (let step = 0; step < 14; step++) {
        const choice = Math.floor(next() * 9);
        const label = `q${run}.${step}`;
        log.push(
          ['send', 'stop', 'regenerate', 'edit', 'explain', 'chunk', 'fail', 'wait', 'new'][
            choice
          ] ?? '',
        );
        if (choice === 0) pending.push(chat.send(label).then((ok) => ok && accepted.push(label)));
        else if (choice === 1) pending.push(chat.stop());
        else if (choice === 2) pending.push(chat.regenerate());
        else if (choice === 3) pending.push(chat.editLastQuestion(`edited ${label}`));
        else if (choice === 4) chat.enqueueAction(action(explain));
        else if (choice === 5) paced.step();
        else if (choice === 6) paced.step(true);
        else if (choice === 7) await settle(Math.ceil(next() * 5));
        else pending.push(chat.newConversation());
      }
      // Let everything end: answers get their chunks until nothing is left to do.
      await pumpUntil(paced, async () => {
        await Promise.all(pending);
        await chat.actionsIdle();
        await chat.idle();
      });

      const context = `run ${run}: ${log.join(' ')}`;
      for (const message of chat.messages.peek())
        expect(['complete', 'stopped', 'error'], context).toContain(message.status.peek());
      const stored = await storedConversations(store);
      const questions = new Set<string>();
      for (const { messages } of stored) {
        // A question, then its one answer: no orphan, no duplicate, nothing left streaming.
        expect(messages.map((m) => m.role).join(' '), context).toMatch(/^(user assistant ?)*$/);
        for (const m of messages) {
          expect(['complete', 'stopped', 'error'], context).toContain(m.status);
          if (m.role === 'user') questions.add(m.text);
        }
      }
      // What the panel shows of the open conversation is what is stored.
      const open = stored.find((s) => s.conversation.id === chat.activeConversation.peek()?.id);
      expect(
        chat.messages.peek().map((m) => [m.id, m.text.peek(), m.status.peek()]),
        context,
      ).toEqual((open?.messages ?? []).map((m) => [m.id, m.text, m.status]));
      // Every page action got its own conversation, with its question.
      const explained = stored.filter((s) => s.conversation.title.startsWith('Explain:'));
      expect(explained.length, context).toBe(log.filter((entry) => entry === 'explain').length);
      // Each accepted question is stored, unless an Edit replaced it afterwards.
      const edits = log.filter((entry) => entry === 'edit').length;
      const missing = accepted.filter((question) => !questions.has(question));
      expect(missing.length, context).toBeLessThanOrEqual(edits);
    }
  }, 120_000);
});
