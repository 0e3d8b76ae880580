/**
 * The panel fits what it sends to the chosen model's context as its gateway lists it, and a
 * refusal as too long makes Retry send less rather than the same request again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChatModel } from '../../../entrypoints/sidepanel/chat-model';
import { ApiError } from '../../../lib/api/errors';
import type { AnswerRequest } from '../../../lib/chat/answer-runner';
import { settle, signedIn, testDeps } from './harness';

beforeEach(() => fakeBrowser.reset());

/** Answers at once; refuses as too long while `refusals` lasts. */
function scriptedStream() {
  const requests: AnswerRequest[] = [];
  let refusals = 0;
  async function* stream(request: AnswerRequest): AsyncGenerator<string> {
    requests.push(request);
    if (refusals > 0) {
      refusals--;
      throw new ApiError(
        'context-too-long',
        'This conversation is longer than the model can read.',
      );
    }
    yield 'x'.repeat(1_600);
  }
  return { stream, requests, refuseNext: (count: number) => (refusals = count) };
}

async function panelWith(contextLength: number | undefined) {
  const scripted = scriptedStream();
  const { deps } = testDeps(scripted.stream);
  deps.fetchModelIds = async () => ({
    data: [
      {
        id: 'acme/small',
        context_length: contextLength,
        architecture: { input_modalities: ['text'], output_modalities: ['text'] },
      },
    ],
  });
  const chat = createChatModel(deps);
  await chat.showAuth(signedIn());
  await chat.loadModels();
  return { chat, scripted };
}

async function ask(chat: Awaited<ReturnType<typeof panelWith>>['chat'], count: number) {
  for (let i = 0; i < count; i++) {
    await chat.send(`question ${i} ${'q'.repeat(1_600)}`);
    await chat.idle();
  }
}

describe('a long conversation in a small context', () => {
  it('sends fewer turns and a smaller max_tokens to a 4,096-token model, and notes it', async () => {
    const { chat, scripted } = await panelWith(4_096);
    await ask(chat, 8);
    const last = scripted.requests.at(-1);
    expect(last?.maxTokens).toBe(2_048);
    // System note, some recent turns, the question: far fewer than the 16 messages asked so far.
    expect(last?.messages.length).toBeLessThan(16);
    expect(last?.messages.at(-1)?.content).toContain('question 7');
    expect(JSON.stringify(last?.messages).length / 4 + (last?.maxTokens ?? 0)).toBeLessThan(4_096);
    expect(chat.messages.peek().at(-1)?.earlierLeftOut.peek()).toBe(true);
    expect(chat.messages.peek()[1]?.earlierLeftOut.peek()).toBe(false);
  });

  it('sends everything where the gateway lists a large context', async () => {
    const { chat, scripted } = await panelWith(200_000);
    await ask(chat, 8);
    expect(scripted.requests.at(-1)?.messages.length).toBe(16);
    expect(scripted.requests.at(-1)?.maxTokens).toBe(8_000);
  });

  it('Retry after "too long" sends less each time, until it fits', async () => {
    // The gateway says nothing about the size: the default budget, which this model refuses.
    const { chat, scripted } = await panelWith(undefined);
    await ask(chat, 30);
    const fitted = scripted.requests.at(-1)?.messages.length ?? 0;
    scripted.refuseNext(2);
    await chat.regenerate();
    await chat.idle();
    const answer = chat.messages.peek().at(-1);
    expect(answer?.error.peek()?.code).toBe('context-too-long');
    await chat.regenerate();
    await chat.idle();
    await chat.regenerate();
    await settle();
    await chat.idle();
    const sent = scripted.requests.slice(-3).map((request) => request.messages.length);
    expect(sent[0]).toBe(fitted);
    expect(sent[1]).toBeLessThan(sent[0] ?? 0);
    expect(sent[2]).toBeLessThan(sent[1] ?? 0);
    expect(answer?.status.peek()).toBe('complete');
    expect(answer?.earlierLeftOut.peek()).toBe(true);
  });
});
