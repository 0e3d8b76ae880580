import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HEARTBEAT_STALE_MS, openChatStore } from '../../lib/chat/store';
import type { ChatChange } from '../../lib/chat/sync';
import { titleFrom } from '../../lib/chat/titles';

const ada = { provider: 'aipass', sub: 'ada' };
const bob = { provider: 'ai-stats', sub: 'bob' };
let count = 0;
const fresh = (announce?: (change: ChatChange) => void) =>
  openChatStore({ database: `store-test-${++count}`, announce });

function message(id: string, conversationId: string, createdAt: number, text = id) {
  return {
    id,
    conversationId,
    role: 'user' as const,
    text,
    status: 'complete' as const,
    createdAt,
  };
}

describe('conversation store', () => {
  it('lists an account’s conversations newest first and keeps messages in order', async () => {
    const store = fresh();
    await store.createConversation({ id: 'old', title: 'Old', createdAt: 1, updatedAt: 1, ...ada });
    await store.createConversation({ id: 'new', title: 'New', createdAt: 2, updatedAt: 5, ...ada });
    await store.createConversation({ id: 'bobs', title: 'B', createdAt: 2, updatedAt: 9, ...bob });
    await store.saveMessage(message('m2', 'new', 20));
    await store.saveMessage(message('m1', 'new', 10));
    await store.saveMessage(message('x', 'old', 15));

    expect((await store.listConversations(ada)).map((c) => c.id)).toEqual(['new', 'old']);
    expect((await store.listConversations(bob)).map((c) => c.id)).toEqual(['bobs']);
    expect((await store.loadMessages('new')).map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('gives conversations from before accounts to the first account that lists them, once', async () => {
    const store = fresh();
    await store.createConversation({ id: 'legacy', title: 'L', createdAt: 1, updatedAt: 1 });
    expect((await store.listConversations(ada)).map((c) => c.id)).toEqual(['legacy']);
    expect(await store.listConversations(bob)).toEqual([]);
    expect((await store.getConversation('legacy'))?.sub).toBe('ada');
  });

  it('marks an answer whose panel went away as interrupted, but not one still streaming', async () => {
    const store = fresh();
    const now = 1_000_000;
    await store.createConversation({ id: 'c', title: 'C', createdAt: 1, updatedAt: 1, ...ada });
    const answer = {
      role: 'assistant' as const,
      conversationId: 'c',
      status: 'streaming' as const,
    };
    await store.saveMessage({
      ...answer,
      id: 'gone',
      text: 'Half',
      createdAt: 1,
      heartbeatAt: now - HEARTBEAT_STALE_MS - 1,
    });
    await store.saveMessage({
      ...answer,
      id: 'live',
      text: 'Going',
      createdAt: 2,
      heartbeatAt: now - 1000,
    });
    const messages = await store.loadMessages('c', now);
    expect(messages.map((m) => [m.id, m.status, m.text])).toEqual([
      ['gone', 'interrupted', 'Half'],
      ['live', 'streaming', 'Going'],
    ]);
    expect((await store.loadMessages('c', now)).find((m) => m.id === 'gone')?.status).toBe(
      'interrupted',
    );
  });

  it('deletes a conversation with its messages, and refuses a late save into it', async () => {
    const changes: ChatChange[] = [];
    const store = fresh((change) => changes.push(change));
    await store.createConversation({ id: 'd', title: 'D', createdAt: 1, updatedAt: 1, ...ada });
    await store.saveMessage(message('d1', 'd', 1));
    await store.deleteConversations(['d']);
    expect(await store.listConversations(ada)).toEqual([]);
    expect(await store.loadMessages('d')).toEqual([]);
    await expect(store.saveMessage(message('d2', 'd', 2))).rejects.toMatchObject({ code: 'gone' });
    await expect(store.updateConversation('d', { title: 'Back' })).rejects.toMatchObject({
      code: 'gone',
    });
    expect(await store.getConversation('d')).toBeUndefined();
    expect(changes.at(-1)).toEqual({ kind: 'conversations-deleted', ids: ['d'] });
  });

  it('a rename and a new answer elsewhere never undo each other', async () => {
    const here = fresh();
    await here.createConversation({ id: 'r', title: 'First', createdAt: 1, updatedAt: 1, ...ada });
    await here.updateConversation('r', { title: 'Renamed' });
    await here.updateConversation('r', { updatedAt: 50, model: 'm' });
    expect(await here.getConversation('r')).toMatchObject({ title: 'Renamed', updatedAt: 50 });
  });

  it('deletes all of one account’s conversations and says how many, keeping the other’s', async () => {
    const store = fresh();
    for (const id of ['a1', 'a2'])
      await store.createConversation({ id, title: id, createdAt: 1, updatedAt: 1, ...ada });
    await store.createConversation({ id: 'b1', title: 'b1', createdAt: 1, updatedAt: 1, ...bob });
    await store.saveMessage(message('in-a1', 'a1', 1));
    expect(await store.deleteAllConversations(ada)).toBe(2);
    expect(await store.listConversations(ada)).toEqual([]);
    expect(await store.loadMessages('a1')).toEqual([]);
    expect((await store.listConversations(bob)).map((c) => c.id)).toEqual(['b1']);
  });

  it('loads a long conversation from its end, page by page', async () => {
    const store = fresh();
    await store.createConversation({ id: 'long', title: 'L', createdAt: 1, updatedAt: 1, ...ada });
    for (let i = 0; i < 25; i++) await store.saveMessage(message(`m${i}`, 'long', i));
    const last = await store.loadRecentMessages('long', 10);
    expect(last.map((m) => m.id)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i + 15}`));
    const before = await store.loadRecentMessages('long', 10, last[0]?.createdAt);
    expect(before.map((m) => m.id)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i + 5}`));
  });

  it('finds words in message text, for the account only', async () => {
    const store = fresh();
    await store.createConversation({ id: 'a', title: 'A', createdAt: 1, updatedAt: 1, ...ada });
    await store.createConversation({ id: 'b', title: 'B', createdAt: 1, updatedAt: 1, ...bob });
    await store.saveMessage(message('1', 'a', 1, 'Light bends in Glass'));
    await store.saveMessage(message('2', 'b', 1, 'glass too'));
    expect([...(await store.conversationsMentioning(ada, 'glass'))]).toEqual([
      ['a', 'Light bends in Glass'],
    ]);
  });

  it('shows a full storage as a problem with words, and works again once it is cleared', async () => {
    const store = fresh();
    store.setWriteFault('quota');
    const refused = store.createConversation({
      id: 'q',
      title: 'Q',
      createdAt: 1,
      updatedAt: 1,
      ...ada,
    });
    await expect(refused).rejects.toMatchObject({
      code: 'quota',
      message:
        'Passlight could not save this conversation: the browser’s storage for extensions is full.',
    });
    store.setWriteFault(null);
    await store.createConversation({ id: 'q', title: 'Q', createdAt: 1, updatedAt: 1, ...ada });
    expect(await store.getConversation('q')).toBeDefined();
  });

  it('opens the connection again after the browser closed it', async () => {
    const store = fresh();
    await store.createConversation({ id: 'c1', title: 'C', createdAt: 1, updatedAt: 1, ...ada });
    await store.closeConnection();
    await store.saveMessage(message('after', 'c1', 2));
    expect((await store.loadMessages('c1')).map((m) => m.id)).toEqual(['after']);
  });

  it('titles a conversation from its first question', () => {
    expect(titleFrom('  What is\n light?  ')).toBe('What is light?');
    expect(titleFrom('x'.repeat(100))).toHaveLength(58);
    expect(titleFrom('   ')).toBe('New conversation');
  });
});
