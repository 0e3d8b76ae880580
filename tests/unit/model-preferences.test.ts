import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ModelInfo } from '../../lib/models';
import { assertSeesImages, pickerModelIds, rulesFor } from '../../lib/models/picker';
import {
  NO_CHOICES,
  pickerModels,
  setHidden,
  setKind,
  updateChoices,
} from '../../lib/models/preferences';
import { modelPreferences } from '../../lib/models/stored';

const seeing: ModelInfo = { id: 'openai/gpt-4o-mini', kind: 'vision', seesImages: true };
const textOnly: ModelInfo = {
  id: 'meta-llama/llama-3.3-70b-instruct',
  kind: 'chat',
  seesImages: false,
};
const unknown: ModelInfo = { id: 'acme/wonder', kind: 'chat' };
const voice: ModelInfo = { id: 'openai/tts-1', kind: 'speech' };

/** OpenRouter's listing of the four models above. */
const listing = {
  data: [
    {
      id: seeing.id,
      architecture: { input_modalities: ['text', 'image'], output_modalities: ['text'] },
    },
    { id: textOnly.id, architecture: { input_modalities: ['text'], output_modalities: ['text'] } },
    { id: unknown.id },
    { id: voice.id },
  ],
};

describe("the person's model choices", () => {
  it('hides a model from the picker and shows it again', () => {
    const hidden = setHidden(NO_CHOICES, textOnly.id, true);
    expect(pickerModels([seeing, textOnly, voice], hidden)).toEqual([seeing]);
    expect(pickerModels([seeing, textOnly, voice], setHidden(hidden, textOnly.id, false))).toEqual([
      seeing,
      textOnly,
    ]);
  });

  it('corrects a kind, which also says whether images may be sent, and drops a correction undone', () => {
    const asVision = setKind(NO_CHOICES, unknown, 'vision');
    expect(pickerModels([unknown], asVision)).toEqual([
      { ...unknown, kind: 'vision', seesImages: true },
    ]);
    expect(pickerModels([unknown], setKind(NO_CHOICES, unknown, 'embedding'))).toEqual([]);
    expect(pickerModels([voice], setKind(NO_CHOICES, voice, 'chat'))).toEqual([
      { ...voice, kind: 'chat', seesImages: false },
    ]);
    expect(setKind(asVision, unknown, 'chat').kinds).toEqual({});
  });

  it('keeps each provider apart', () => {
    const preferences = updateChoices({}, 'agnic', (c) => setHidden(c, 'x', true));
    expect(updateChoices(preferences, 'ai-stats', (c) => setHidden(c, 'y', true))).toEqual({
      agnic: { hidden: ['x'], kinds: {} },
      'ai-stats': { hidden: ['y'], kinds: {} },
    });
  });
});

describe('the side panel picker', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it("offers the provider's chat models without the hidden ones", async () => {
    await modelPreferences.setValue({ agnic: { hidden: [seeing.id], kinds: {} } });
    expect(await pickerModelIds(listing, { id: 'agnic' })).toEqual([textOnly.id, unknown.id]);
    expect(await pickerModelIds(listing, { id: 'ai-stats' })).toEqual([
      seeing.id,
      textOnly.id,
      unknown.id,
    ]);
  });

  it('refuses images for a model known to read text only, and names the ones that see', async () => {
    await pickerModelIds(listing, { id: 'agnic' });
    const withImage = [{ images: [] }, { images: ['data:image/png;base64,AA=='] }];
    expect(() => assertSeesImages(textOnly.id, withImage)).toThrow(
      `${textOnly.id} reads text only. Pick ${seeing.id}, which can see images.`,
    );
    expect(() => assertSeesImages(textOnly.id, [{ images: [] }])).not.toThrow();
    // Nobody said whether it sees: the image is sent, and the gateway decides.
    expect(() => assertSeesImages(unknown.id, withImage)).not.toThrow();
    expect(() => assertSeesImages(seeing.id, withImage)).not.toThrow();
  });

  it('leaves unknown ids out for AI Pass only', () => {
    expect(rulesFor('aipass').unknownIds).toBe('other');
    expect(rulesFor('agnic').unknownIds).toBe('chat');
    expect(rulesFor(undefined).unknownIds).toBe('chat');
  });
});
