import { describe, expect, it } from 'vitest';
import { describeModels } from '../../../lib/models';
import {
  chooseImageModel,
  imageModelsOf,
  imageOptionsFor,
  isEditModel,
} from '../../../lib/models/image-models';
import { withCorrections } from '../../../lib/models/preferences';

/** AI Pass's `GET /models`: a bare array of ids. */
const AIPASS = [
  'gpt-4o-mini',
  'fal_ai/flux/dev',
  'dall-e-3',
  'fal_ai/flux-kontext/dev/edit',
  'whisper-1',
  'tts-1',
  'veo-3',
];

describe('image models are chosen by what they can do', () => {
  it('splits makers from editors by the /edit suffix, leaving chat, speech and video out', () => {
    expect(imageModelsOf(describeModels(AIPASS))).toEqual({
      generate: ['fal_ai/flux/dev', 'dall-e-3'],
      edit: ['fal_ai/flux-kontext/dev/edit'],
    });
  });

  it('finds the same models when the vendor prefix comes and goes', () => {
    const without = AIPASS.map((id) => id.replace(/^fal_ai\//, ''));
    expect(imageModelsOf(describeModels(without))).toEqual({
      generate: ['flux/dev', 'dall-e-3'],
      edit: ['flux-kontext/dev/edit'],
    });
  });

  it('believes a gateway that says a model outputs images (OpenRouter architecture)', () => {
    const body = {
      data: [
        {
          id: 'acme/painter',
          architecture: { input_modalities: ['text'], output_modalities: ['image'] },
        },
        {
          id: 'acme/talker',
          architecture: { input_modalities: ['text'], output_modalities: ['text'] },
        },
      ],
    };
    expect(imageModelsOf(describeModels(body))).toEqual({ generate: ['acme/painter'], edit: [] });
  });

  it('follows the person’s corrections: a model they call an image model is offered', () => {
    const models = withCorrections(describeModels(['my-house-model', 'gpt-4o']), {
      hidden: [],
      kinds: { 'my-house-model': 'image' },
    });
    expect(imageModelsOf(models).generate).toEqual(['my-house-model']);
  });

  it('tells edit ids apart wherever the prefix stands', () => {
    expect(isEditModel('fal_ai/flux-kontext/dev/edit')).toBe(true);
    expect(isEditModel('flux-kontext/dev/EDIT')).toBe(true);
    expect(isEditModel('editorial-flux')).toBe(false);
  });

  it('offers sizes and counts only where the model takes them', () => {
    expect(imageOptionsFor('dall-e-3')).toMatchObject({ maxCount: 1 });
    expect(imageOptionsFor('dall-e-3').sizes).toContain('1792x1024');
    expect(imageOptionsFor('fal_ai/flux/dev')).toMatchObject({ maxCount: 4 });
    expect(imageOptionsFor('fal_ai/flux/dev').sizes[0]).toBe('1024x1024');
    expect(imageOptionsFor('fal_ai/flux-kontext/dev/edit')).toEqual({
      sizes: [],
      maxCount: 1,
      maxInputs: 1,
    });
    expect(imageOptionsFor('fal_ai/flux-pro/kontext/multi/edit').maxInputs).toBe(4);
    expect(imageOptionsFor('gpt-image-1').maxInputs).toBe(4);
    // Unknown to Passlight: nothing is sent that the model might refuse.
    expect(imageOptionsFor('acme/painter')).toEqual({ sizes: [], maxCount: 1, maxInputs: 1 });
  });

  it('keeps the remembered model while it is offered, otherwise takes the first', () => {
    expect(chooseImageModel(['a', 'b'], 'b')).toBe('b');
    expect(chooseImageModel(['a', 'b'], 'gone')).toBe('a');
    expect(chooseImageModel([], 'b')).toBeUndefined();
  });
});
