import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { titleFrom } from '../../lib/chat/records';
import {
  deleteConversation,
  HEARTBEAT_STALE_MS,
  listConversations,
  loadMessages,
  saveConversation,
  saveMessage,
} from '../../lib/chat/store';

describe('conversation store', () => {
  it('lists conversations newest first and keeps messages in order', async () => {
    await saveConversation({ id: 'old', title: 'Old', createdAt: 1, updatedAt: 1 });
    await saveConversation({ id: 'new', title: 'New', createdAt: 2, updatedAt: 5 });
    await saveMessage({
      id: 'm2',
      conversationId: 'new',
      role: 'assistant',
      text: 'Hi',
      status: 'complete',
      createdAt: 20,
    });
    await saveMessage({
      id: 'm1',
      conversationId: 'new',
      role: 'user',
      text: 'Hello',
      status: 'complete',
      createdAt: 10,
    });
    await saveMessage({
      id: 'x',
      conversationId: 'old',
      role: 'user',
      text: 'Other',
      status: 'complete',
      createdAt: 15,
    });

    expect((await listConversations()).map((c) => c.id)).toEqual(['new', 'old']);
    expect((await loadMessages('new')).map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('marks an answer whose panel went away as interrupted, but not one still streaming', async () => {
    const now = 1_000_000;
    await saveMessage({
      id: 'gone',
      conversationId: 'c',
      role: 'assistant',
      text: 'Half',
      status: 'streaming',
      createdAt: 1,
      heartbeatAt: now - HEARTBEAT_STALE_MS - 1,
    });
    await saveMessage({
      id: 'live',
      conversationId: 'c',
      role: 'assistant',
      text: 'Going',
      status: 'streaming',
      createdAt: 2,
      heartbeatAt: now - 1000,
    });
    const messages = await loadMessages('c', now);
    expect(messages.map((m) => [m.id, m.status, m.text])).toEqual([
      ['gone', 'interrupted', 'Half'],
      ['live', 'streaming', 'Going'],
    ]);
    expect((await loadMessages('c', now)).find((m) => m.id === 'gone')?.status).toBe('interrupted');
  });

  it('deletes a conversation with all its messages', async () => {
    await saveConversation({ id: 'd', title: 'D', createdAt: 1, updatedAt: 1 });
    await saveMessage({
      id: 'd1',
      conversationId: 'd',
      role: 'user',
      text: 'x',
      status: 'complete',
      createdAt: 1,
    });
    await deleteConversation('d');
    expect((await listConversations()).some((c) => c.id === 'd')).toBe(false);
    expect(await loadMessages('d')).toEqual([]);
  });

  it('titles a conversation from its first question', () => {
    expect(titleFrom('  What is\n light?  ')).toBe('What is light?');
    expect(titleFrom('x'.repeat(100))).toHaveLength(58);
    expect(titleFrom('   ')).toBe('New conversation');
  });
});
