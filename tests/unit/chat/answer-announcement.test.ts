import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChatModel } from '../../../entrypoints/sidepanel/chat-model';
import { endingWords, watchAnswerEnds } from '../../../lib/chat/answer-announcement';
import { pacedStream, pumpUntil, settle, signedIn, testDeps } from './harness';

beforeEach(() => fakeBrowser.reset());

/** A chat model whose answers arrive one chunk per `step()`, and everything it announced. */
async function announcingChat(chunks: number) {
  const paced = pacedStream(chunks);
  const chat = createChatModel(testDeps(paced.stream).deps);
  await chat.showAuth(signedIn());
  await chat.loadModels();
  const heard: string[] = [];
  const stop = watchAnswerEnds(chat.messages, chat.streamingId, (ending) =>
    heard.push(ending ? endingWords(ending) : ''),
  );
  return { chat, paced, heard, stop };
}

describe('the end of an answer is announced once', () => {
  it('says nothing while the chunks arrive, then "Answer finished." once', async () => {
    const { chat, paced, heard, stop } = await announcingChat(5);
    await chat.send('What is light?');
    await settle();
    expect(heard).toEqual(['']);
    for (let i = 0; i < 3; i++) {
      paced.step();
      await settle();
    }
    // The text is shown once per frame (a 16 ms timer here): wait for that frame.
    await vi.waitFor(() => expect(chat.messages.peek().at(-1)?.text.peek()).not.toBe(''));
    expect(heard).toEqual(['']);
    await pumpUntil(paced, chat.idle);
    expect(heard).toEqual(['', 'Answer finished.']);
    stop();
  });

  it('each answer clears the status first, so a second "Answer finished." is heard too', async () => {
    const { chat, paced, heard, stop } = await announcingChat(2);
    await chat.send('One?');
    await pumpUntil(paced, chat.idle);
    await chat.regenerate();
    await pumpUntil(paced, chat.idle);
    expect(heard).toEqual(['', 'Answer finished.', '', 'Answer finished.']);
    stop();
  });

  it('a stopped answer is announced as stopped, and nothing more when it is saved', async () => {
    const { chat, paced, heard, stop } = await announcingChat(5);
    await chat.send('Long one?');
    paced.step();
    await settle();
    await chat.stop();
    await chat.idle();
    await settle();
    expect(heard).toEqual(['', 'Answer stopped.']);
    stop();
  });

  it('a failed answer says it failed; its alert gives the reason', async () => {
    const { chat, paced, heard, stop } = await announcingChat(3);
    await chat.send('Fail?');
    await settle();
    paced.step(true);
    await chat.idle();
    await settle();
    expect(chat.messages.peek().at(-1)?.status.peek()).toBe('error');
    expect(heard).toEqual(['', 'The answer failed.']);
    stop();
  });

  it('opening a conversation with finished answers announces nothing', async () => {
    const { chat, paced, heard, stop } = await announcingChat(1);
    await chat.send('Kept?');
    await pumpUntil(paced, chat.idle);
    const id = chat.activeConversation.peek()?.id ?? '';
    heard.length = 0;
    chat.newConversation();
    await chat.openConversation(id);
    await settle();
    expect(chat.messages.peek().length).toBe(2);
    expect(heard).toEqual([]);
    stop();
  });
});
