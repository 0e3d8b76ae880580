import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChatModel } from '../../../entrypoints/sidepanel/chat-model';
import { ApiError } from '../../../lib/api/errors';
import type { EditRequest, GenerationRequest, ImageResult } from '../../../lib/api/images';
import { ImageResultProblem } from '../../../lib/images/image-bytes';
import { type ImageApi, pacedStream, pumpUntil, signedIn, testDeps } from '../chat/harness';

function pngBase64(shade: number): string {
  const image = new PNG({ width: 4, height: 4 });
  image.data.fill(shade);
  return PNG.sync.write(image).toString('base64');
}

const bytesOf = async (blob: Blob | undefined) =>
  Buffer.from((await blob?.arrayBuffer()) ?? new ArrayBuffer(0));

beforeEach(() => fakeBrowser.reset());

async function panelWith(api: ImageApi, database?: string) {
  const paced = pacedStream(1);
  const { deps, store, database: name } = testDeps(paced.stream, database, api);
  const chat = createChatModel(deps);
  await chat.showAuth(signedIn());
  await chat.loadModels();
  return { chat, store, paced, database: name };
}

describe('a request for pictures in the conversation', () => {
  it('keeps base64 pictures, shows unreadable addresses as links, and both survive reopening', async () => {
    const asked: GenerationRequest[] = [];
    const api: ImageApi = {
      generate: async (request) => {
        asked.push(request);
        return [
          { kind: 'base64', data: pngBase64(40) },
          { kind: 'url', url: 'https://cdn.example/private.png' },
        ] satisfies ImageResult[];
      },
      fetchPicture: async () => {
        throw new ImageResultProblem('unreachable');
      },
    };
    const { chat, store, database } = await panelWith(api);
    expect(await chat.askForImage('a lighthouse', { model: 'dall-e-3', size: '1024x1024' })).toBe(
      true,
    );
    await chat.idle();

    expect(asked).toMatchObject([{ model: 'dall-e-3', prompt: 'a lighthouse', size: '1024x1024' }]);
    const [question, answer] = chat.messages.peek();
    expect(question?.imageWork.peek()).toMatchObject({ mode: 'generate', model: 'dall-e-3' });
    const work = answer?.imageWork.peek();
    expect(answer?.status.peek()).toBe('complete');
    expect(work?.imageIds).toHaveLength(1);
    expect(work?.links).toEqual(['https://cdn.example/private.png']);
    const kept = await store.loadImage(work?.imageIds[0] ?? '');
    expect(kept?.type).toBe('image/png');
    expect(await bytesOf(kept)).toEqual(Buffer.from(pngBase64(40), 'base64'));

    // A new panel on the same database: the same conversation, the same pictures.
    const again = await panelWith(api, database);
    await again.chat.openConversation(chat.activeConversation.peek()?.id ?? '');
    const reopened = again.chat.messages.peek()[1]?.imageWork.peek();
    expect(reopened).toEqual(work);
  });

  it('edits the pictures it was given, the picture first and the reference after, and shows them beside the result', async () => {
    const edits: EditRequest[] = [];
    const { chat, store } = await panelWith({
      edit: async (request) => {
        edits.push(request);
        return [{ kind: 'base64', data: pngBase64(200) }];
      },
    });
    const picture = new Blob([Buffer.from(pngBase64(1), 'base64')], { type: 'image/png' });
    const reference = new Blob([Buffer.from(pngBase64(2), 'base64')], { type: 'image/png' });
    chat.editSources.value = [
      { id: 'picture', blob: picture },
      { id: 'reference', blob: reference },
    ];
    await chat.askForImage('make it night', { model: 'fal_ai/flux-pro/kontext/multi/edit' });
    await chat.idle();

    expect(edits).toHaveLength(1);
    expect(edits[0]?.prompt).toBe('make it night');
    expect(await Promise.all((edits[0]?.images ?? []).map(bytesOf))).toEqual([
      await bytesOf(picture),
      await bytesOf(reference),
    ]);
    expect(chat.editSources.peek()).toEqual([]); // taken once the request was stored
    const answer = chat.messages.peek()[1];
    expect(answer?.imageWork.peek()).toMatchObject({
      mode: 'edit',
      sourceIds: ['picture', 'reference'],
    });
    expect(await bytesOf(await store.loadImage('picture'))).toEqual(await bytesOf(picture));

    // "Edit this image" on the result: the kept picture becomes the one to change.
    const result = answer?.imageWork.peek()?.imageIds[0] ?? '';
    await chat.editKeptImage(result);
    expect(chat.composerMode.peek()).toBe('image');
    expect(chat.editSources.peek().map((source) => source.id)).toEqual([result]);
  });

  it('a used-up budget fails the request with the code that offers Add credit', async () => {
    const { chat } = await panelWith({
      generate: async () => {
        throw new ApiError(
          'budget-exhausted',
          'Your AI Pass balance is used up. Add credit to continue.',
        );
      },
    });
    await chat.askForImage('a fox', { model: 'dall-e-3' });
    await chat.idle();
    const answer = chat.messages.peek()[1];
    expect(answer?.status.peek()).toBe('error');
    expect(answer?.error.peek()?.code).toBe('budget-exhausted');
  });

  it('a picture that is not one is said plainly, and nothing is kept', async () => {
    const { chat } = await panelWith({
      generate: async () => [{ kind: 'base64', data: btoa('<html></html>') }],
    });
    await chat.askForImage('a fox', { model: 'dall-e-3' });
    await chat.idle();
    const answer = chat.messages.peek()[1];
    expect(answer?.error.peek()?.message).toBe(
      'The answer was not a PNG, JPEG, GIF or WebP image.',
    );
    expect(answer?.imageWork.peek()?.imageIds).toEqual([]);
  });

  it('a chat question after a picture sends no image request to the chat model', async () => {
    const { chat, paced } = await panelWith({
      generate: async () => [{ kind: 'base64', data: pngBase64(9) }],
    });
    await chat.askForImage('a red balloon', { model: 'dall-e-3' });
    await chat.idle();
    await chat.send('What is light?');
    await pumpUntil(paced, chat.idle);
    const sent = JSON.stringify(paced.requests.at(-1)?.messages);
    expect(sent).toContain('What is light?');
    expect(sent).not.toContain('red balloon');
  });
});
