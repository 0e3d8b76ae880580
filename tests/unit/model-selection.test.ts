import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ApiError } from '../../lib/api/errors';
import { createModelChoice } from '../../lib/chat/model-choice';
import { rememberedModel } from '../../lib/config/side-panel-memory';
import { createImageModelChoice } from '../../lib/images/image-model-choice';
import { createModelSelection } from '../../lib/models/selection';

/** A remembered choice held in memory, with every write kept. */
function memory(initial: string | null) {
  const item = {
    value: initial,
    writes: [] as string[],
    getValue: async () => item.value,
    setValue: async (id: string) => {
      item.writes.push(id);
      item.value = id;
    },
  };
  return item;
}

const firstOr = (ids: string[], remembered: string | null) =>
  remembered && ids.includes(remembered) ? remembered : ids[0];

describe('a model selection', () => {
  it('asks once for callers at the same time, and picks each use from the one offer', async () => {
    let answer!: (ids: string[]) => void;
    const offered = new Promise<string[]>((resolve) => {
      answer = resolve;
    });
    let asked = 0;
    const make = memory('b');
    const edit = memory('gone');
    const selection = createModelSelection({
      none: [] as string[],
      fetchOffer: () => {
        asked++;
        return offered;
      },
      uses: {
        make: { remembered: make, choose: firstOr },
        edit: { remembered: edit, choose: firstOr },
      },
      failedText: () => 'failed',
    });
    const first = selection.load();
    const second = selection.load();
    expect(selection.state.value).toBe('loading');
    answer(['a', 'b']);
    await Promise.all([first, second]);
    expect(asked).toBe(1);
    expect(selection.state.value).toBe('ready');
    expect(selection.models.value).toEqual(['a', 'b']);
    expect(selection.chosen.make.value).toBe('b'); // remembered and still offered
    expect(selection.chosen.edit.value).toBe('a'); // remembered but gone: the default

    selection.select('edit', 'b');
    expect(selection.chosen.edit.value).toBe('b');
    expect(edit.writes).toEqual(['b']);
    expect(make.writes).toEqual([]);

    await selection.load(); // a finished load may be asked for again
    expect(asked).toBe(2);
  });

  it('says why a load failed: the gateway in its words, anything else in the given ones', async () => {
    let failure: unknown = new ApiError('server', 'The gateway is down.');
    const selection = createModelSelection({
      none: [] as string[],
      fetchOffer: () => Promise.reject(failure),
      uses: { chat: { remembered: memory(null), choose: firstOr } },
      failedText: () => 'The models could not be loaded.',
    });
    await selection.load();
    expect(selection.state.value).toBe('error');
    expect(selection.error.value).toBe('The gateway is down.');
    failure = new TypeError('fetch failed');
    await selection.load();
    expect(selection.error.value).toBe('The models could not be loaded.');
  });

  it('says so when an offer is of no use, and clears it once one is', async () => {
    let offer: string[] = [];
    const selection = createModelSelection({
      none: [] as string[],
      fetchOffer: async () => offer,
      uses: { chat: { remembered: memory(null), choose: firstOr } },
      failedText: () => 'failed',
      emptyText: (ids) => (ids.length === 0 ? 'Nothing to chat with.' : ''),
    });
    await selection.load();
    expect(selection.state.value).toBe('ready');
    expect(selection.error.value).toBe('Nothing to chat with.');
    offer = ['a'];
    await selection.load();
    expect(selection.error.value).toBe('');
    expect(selection.chosen.chat.value).toBe('a');
  });
});

describe('the chat and image choices built on it', () => {
  beforeEach(() => fakeBrowser.reset());

  const catalogue = ['gpt-4o', 'gpt-4o-mini', 'fal_ai/flux/dev', 'fal_ai/flux-kontext/dev/edit'];

  it('chat: the remembered model while offered, and a new pick is remembered', async () => {
    await rememberedModel.setValue('gpt-4o');
    const choice = createModelChoice(
      async () => catalogue,
      () => undefined,
      () => 'Gateway',
    );
    await choice.load();
    expect(choice.models.value).toContain('gpt-4o-mini');
    expect(choice.models.value).not.toContain('fal_ai/flux/dev');
    expect(choice.model.value).toBe('gpt-4o');
    choice.select('gpt-4o-mini');
    await expect.poll(() => rememberedModel.getValue()).toBe('gpt-4o-mini');
  });

  it('chat: a provider with no chat model is named', async () => {
    const choice = createModelChoice(
      async () => ['fal_ai/flux/dev'],
      () => undefined,
      () => 'Acme',
    );
    await choice.load();
    expect(choice.error.value).toBe('Acme offers no chat model right now.');
  });

  it('images: a maker and an editor, each remembered on its own', async () => {
    const choice = createImageModelChoice(
      async () => catalogue,
      () => undefined,
    );
    await choice.load();
    expect(choice.models.value).toEqual({
      generate: ['fal_ai/flux/dev'],
      edit: ['fal_ai/flux-kontext/dev/edit'],
    });
    expect(choice.generateModel.value).toBe('fal_ai/flux/dev');
    expect(choice.editModel.value).toBe('fal_ai/flux-kontext/dev/edit');
    choice.selectGenerate('fal_ai/flux/dev');
    await expect
      .poll(() => fakeBrowser.storage.local.get(['images.model', 'images.editModel']))
      .toEqual({ 'images.model': 'fal_ai/flux/dev' });
  });
});
