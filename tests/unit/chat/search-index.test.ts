import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../../lib/chat/records';
import { createSearchIndex } from '../../../lib/chat/search-index';
import { openChatStore } from '../../../lib/chat/store';
import { type ChatChange, createChatSync } from '../../../lib/chat/sync';

const ada = { provider: 'aipass', sub: 'ada' };
const bob = { provider: 'aipass', sub: 'bob' };
let count = 0;

function message(id: string, conversationId: string, text: string): MessageRecord {
  return { id, conversationId, role: 'user', text, status: 'complete', createdAt: 1 };
}

const conversation = (id: string, account = ada) => ({
  id,
  title: `Title ${id}`,
  createdAt: 1,
  updatedAt: 1,
  ...account,
});

/** Conversation ids that mention `query`, in order. */
async function found(store: ReturnType<typeof openChatStore>, query: string, account = ada) {
  return [...(await store.conversationsMentioning(account, query)).keys()].sort();
}

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('the search index', () => {
  it('stays right after this page adds, edits, deletes and imports', async () => {
    const store = openChatStore({ database: `search-${++count}` });
    await store.createConversation(conversation('a'));
    await store.createConversation(conversation('b'));
    await store.saveMessage(message('a1', 'a', 'Light bends in Glass'));
    expect(await found(store, 'glass')).toEqual(['a']); // loaded now; changes from here on

    await store.saveMessage(message('b1', 'b', 'An answer about GLASS and water'));
    expect(await found(store, 'glass')).toEqual(['a', 'b']);
    expect((await store.conversationsMentioning(ada, 'water')).get('b')).toBe(
      'An answer about GLASS and water',
    );

    await store.saveMessage(message('a1', 'a', 'Light bends in air')); // edited
    expect(await found(store, 'glass')).toEqual(['b']);
    expect(await found(store, 'air')).toEqual(['a']);

    await store.deleteMessage('b', 'b1');
    expect(await found(store, 'glass')).toEqual([]);

    await store.deleteConversations(['a']);
    expect(await found(store, 'air')).toEqual([]);

    await store.importAll(ada, [
      { conversation: conversation('c'), messages: [message('c1', 'c', 'Quasiperiodic tiling')] },
    ]);
    expect(await found(store, 'tiling')).toEqual(['c']);
  });

  it('finds the signed-in account’s conversations only', async () => {
    const store = openChatStore({ database: `search-${++count}` });
    await store.createConversation(conversation('a'));
    await store.createConversation(conversation('b', bob));
    await store.saveMessage(message('a1', 'a', 'glass'));
    await store.saveMessage(message('b1', 'b', 'glass'));
    expect(await found(store, 'glass', ada)).toEqual(['a']);
    expect(await found(store, 'glass', bob)).toEqual(['b']);
  });

  it('follows what another panel saves, deletes and imports', async () => {
    const database = `search-${++count}`;
    const here = openChatStore({ database });
    const channel = `${database}-channel`;
    const hearing = createChatSync(channel);
    const heard: ChatChange[] = [];
    hearing.watch((change) => {
      here.heard(change);
      heard.push(change);
    });
    const elsewhere = openChatStore({ database, announce: createChatSync(channel).announce });
    await here.createConversation(conversation('a'));
    await here.saveMessage(message('a1', 'a', 'nothing yet'));
    expect(await found(here, 'prism')).toEqual([]); // loaded

    await elsewhere.saveMessage(message('a2', 'a', 'A prism splits light'));
    await expect.poll(() => heard.length).toBe(1);
    expect(await found(here, 'prism')).toEqual(['a']);

    await elsewhere.saveMessage(message('a2', 'a', 'A lens bends light'));
    await expect.poll(() => heard.length).toBe(2);
    expect(await found(here, 'prism')).toEqual([]);
    expect(await found(here, 'lens')).toEqual(['a']);

    await elsewhere.deleteConversations(['a']);
    await expect.poll(() => heard.length).toBe(3);
    expect(await found(here, 'lens')).toEqual([]);

    await elsewhere.importAll(ada, [
      { conversation: conversation('c'), messages: [message('c1', 'c', 'Imported prism')] },
    ]);
    await expect.poll(() => heard.length).toBe(4);
    expect(await found(here, 'prism')).toEqual(['c']);
  });

  it('a change committed while it loads is applied after the load, never lost or undone', async () => {
    const load = deferred<MessageRecord[]>();
    const index = createSearchIndex(() => load.promise);
    const owned = new Set(['a']);
    const searching = index.search(owned, 'prism');
    // The load read the database before these two writes landed.
    index.note({ kind: 'message', record: message('a2', 'a', 'A prism') });
    index.note({ kind: 'message-deleted', conversationId: 'a', id: 'a1' });
    load.resolve([message('a1', 'a', 'An old prism')]);
    expect(await searching).toEqual(new Map([['a', 'A prism']]));
    expect(await index.search(owned, 'old')).toEqual(new Map());
  });

  it('an import during the load loads again, so what it added is found', async () => {
    const loads = [deferred<MessageRecord[]>(), deferred<MessageRecord[]>()];
    let calls = 0;
    const index = createSearchIndex(() => (loads[calls++] as (typeof loads)[0]).promise);
    const searching = index.search(new Set(['a', 'c']), 'prism');
    index.note({ kind: 'conversations-added' });
    loads[0]?.resolve([message('a1', 'a', 'nothing')]);
    await Promise.resolve();
    loads[1]?.resolve([message('a1', 'a', 'nothing'), message('c1', 'c', 'An imported prism')]);
    expect(await searching).toEqual(new Map([['c', 'An imported prism']]));
    expect(calls).toBe(2);
  });

  it('a failed load is reported to the search and tried again by the next', async () => {
    let calls = 0;
    const index = createSearchIndex(async () => {
      if (++calls === 1) throw new Error('closed');
      return [message('a1', 'a', 'glass')];
    });
    await expect(index.search(new Set(['a']), 'glass')).rejects.toThrow('closed');
    expect(await index.search(new Set(['a']), 'glass')).toEqual(new Map([['a', 'glass']]));
  });
});
