import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openChatStore, SCHEMA_VERSION } from '../../../lib/chat/store';

const ACCOUNT = { provider: 'aipass', sub: 'ada' };
let databases = 0;

/** A database exactly as version 1 of the store made it, with one conversation in it. */
async function versionOneDatabase(name: string): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(upgrade) {
      const conversations = upgrade.createObjectStore('conversations', { keyPath: 'id' });
      conversations.createIndex('updatedAt', 'updatedAt');
      const messages = upgrade.createObjectStore('messages', { keyPath: 'id' });
      messages.createIndex('conversation', ['conversationId', 'createdAt']);
    },
  });
  await db.put('conversations', {
    id: 'c1',
    title: 'Light',
    createdAt: 1,
    updatedAt: 2,
    ...ACCOUNT,
  });
  await db.put('messages', {
    id: 'm1',
    conversationId: 'c1',
    role: 'user',
    text: 'What is light?',
    status: 'complete',
    createdAt: 1,
  });
  db.close();
}

const picture = (shade: number) =>
  new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, shade, shade])], { type: 'image/png' });

describe('pictures are kept with their conversation', () => {
  it('a version 1 database is brought to version 2 with everything in it kept', async () => {
    const name = `images-migration-${++databases}`;
    await versionOneDatabase(name);
    const store = openChatStore({ database: name });

    expect((await store.listConversations(ACCOUNT)).map((c) => c.id)).toEqual(['c1']);
    expect((await store.loadMessages('c1')).map((m) => m.text)).toEqual(['What is light?']);
    await store.saveImages('c1', [{ id: 'p1', blob: picture(1) }]);
    const kept = await store.loadImage('p1');
    expect(kept?.type).toBe('image/png');
    expect(new Uint8Array((await kept?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 1]),
    );

    const raw = await openDB(name, SCHEMA_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual(['conversations', 'images', 'messages']);
    expect([...raw.transaction('images').store.indexNames]).toEqual(['conversation']);
    raw.close();
  });

  it('deleting a conversation deletes its pictures, and no other', async () => {
    const store = openChatStore({ database: `images-delete-${++databases}` });
    for (const id of ['a', 'b'])
      await store.createConversation({ id, title: id, createdAt: 1, updatedAt: 1, ...ACCOUNT });
    await store.saveImages('a', [
      { id: 'a1', blob: picture(1) },
      { id: 'a2', blob: picture(2) },
    ]);
    await store.saveImages('b', [{ id: 'b1', blob: picture(3) }]);
    await store.deleteConversations(['a']);
    expect(await store.loadImage('a1')).toBeUndefined();
    expect(await store.loadImage('a2')).toBeUndefined();
    expect(await store.loadImage('b1')).toBeDefined();
  });

  it('a late save for a deleted conversation is refused, not kept', async () => {
    const store = openChatStore({ database: `images-gone-${++databases}` });
    await expect(
      store.saveImages('nowhere', [{ id: 'x', blob: picture(1) }]),
    ).rejects.toMatchObject({ code: 'gone' });
    expect(await store.loadImage('x')).toBeUndefined();
  });
});
