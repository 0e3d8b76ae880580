/**
 * What an answer cost is the balance after it less the balance before it. A picture is charged
 * as soon as it is asked for, so it waits for the balance before; a chat answer is charged as it
 * ends, so it does not. The balance is held by the test until it lets it go.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChatModel } from '../../../entrypoints/sidepanel/chat-model';
import type { LiveMessage } from '../../../lib/chat/live-message';
import { pacedStream, pumpUntil, settle, signedIn, testDeps } from './harness';

beforeEach(() => fakeBrowser.reset());

type NoteAfter = (answer: LiveMessage, save: () => Promise<void>) => void;

function withBalance() {
  const status = signedIn();
  return status.signedIn
    ? { ...status, provider: { ...status.provider, hasBalance: true } }
    : status;
}

async function panel() {
  const paced = pacedStream(1);
  const generated: string[] = [];
  const { deps } = testDeps(paced.stream, undefined, {
    generate: async (request) => {
      generated.push(request.prompt);
      return [];
    },
  });
  const noted: string[] = [];
  let release: () => void = () => undefined;
  deps.afterAnswer = () =>
    new Promise<NoteAfter>((resolve) => {
      release = () => resolve((answer) => noted.push(answer.id));
    });
  const chat = createChatModel(deps);
  await chat.showAuth(withBalance());
  await chat.loadModels();
  return { chat, paced, generated, noted, release: () => release() };
}

describe('the balance before an answer', () => {
  it('is known before a picture is asked for', async () => {
    const { chat, generated, noted, release } = await panel();
    const asked = chat.askForImage('a lighthouse', { model: 'dall-e-3', size: '1024x1024' });
    await settle();
    expect(generated).toEqual([]); // held until the balance before is in
    release();
    await asked;
    await chat.idle();
    expect(generated).toEqual(['a lighthouse']);
    await settle();
    expect(noted).toEqual([chat.messages.peek()[1]?.id]);
  });

  it('is not waited for by a chat answer, and is used once it ended', async () => {
    const { chat, paced, noted, release } = await panel();
    await pumpUntil(paced, async () => {
      expect(await chat.send('How fast is light?')).toBe(true);
      await chat.idle();
    });
    expect(paced.requests).toHaveLength(1); // asked while the balance was still held
    expect(noted).toEqual([]);
    release();
    await settle();
    expect(noted).toEqual([chat.messages.peek()[1]?.id]);
  });
});
