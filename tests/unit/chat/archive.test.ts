import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_VERSION, archiveOf, parseArchive } from '../../../lib/chat/archive';
import { openChatStore } from '../../../lib/chat/store';

const ada = { provider: 'aipass', sub: 'ada' };
let count = 0;

async function storeWithOne() {
  const store = openChatStore({ database: `archive-test-${++count}` });
  await store.createConversation({ id: 'c1', title: 'Light', createdAt: 1, updatedAt: 2, ...ada });
  await store.saveMessage({
    id: 'm1',
    conversationId: 'c1',
    role: 'user',
    text: 'What is light?',
    status: 'complete',
    createdAt: 1,
  });
  return store;
}

describe('conversations exported as JSON and imported back', () => {
  it('round-trips, and importing twice adds nothing the second time', async () => {
    const from = await storeWithOne();
    const text = JSON.stringify(archiveOf(await from.exportAll(ada)));
    const into = openChatStore({ database: `archive-test-${++count}` });
    const bob = { provider: 'ai-stats', sub: 'bob' };
    const archive = parseArchive(text);
    expect(await into.importAll(bob, archive.conversations)).toBe(1);
    expect(await into.importAll(bob, archive.conversations)).toBe(0);
    const listed = await into.listConversations(bob);
    expect(listed.map((c) => [c.id, c.title, c.sub])).toEqual([['c1', 'Light', 'bob']]);
    expect((await into.loadMessages('c1')).map((m) => m.text)).toEqual(['What is light?']);
  });

  it('refuses what is not JSON, not its format, too new or damaged, saying why', () => {
    expect(() => parseArchive('{"format": ')).toThrow('not JSON');
    expect(() => parseArchive('{"format":"other","version":1}')).toThrow(
      'not a Passlight conversations file',
    );
    expect(() =>
      parseArchive(
        JSON.stringify({ format: 'passlight-conversations', version: ARCHIVE_VERSION + 1 }),
      ),
    ).toThrow('newer Passlight');
    const damaged = archiveOf([
      {
        conversation: { id: 'c', title: 'T', createdAt: 1, updatedAt: 1 },
        messages: [
          {
            id: 'm',
            conversationId: 'elsewhere',
            role: 'user',
            text: 'x',
            status: 'complete',
            createdAt: 1,
          },
        ],
      },
    ]);
    expect(() => parseArchive(JSON.stringify(damaged))).toThrow(
      'Conversation 1 in this file is damaged',
    );
    const remoteImage = archiveOf([
      {
        conversation: { id: 'c', title: 'T', createdAt: 1, updatedAt: 1 },
        messages: [
          {
            id: 'm',
            conversationId: 'c',
            role: 'user',
            text: 'x',
            images: ['https://tracker.example/pixel.png'],
            status: 'complete',
            createdAt: 1,
          },
        ],
      },
    ]);
    expect(() => parseArchive(JSON.stringify(remoteImage))).toThrow('damaged');
  });
});
