import { describe, expect, it } from 'vitest';
import { capabilityOf, chooseModel, modelsWith, parseModelList } from '../../lib/models';

describe('model discovery', () => {
  it('accepts a plain array of ids and the OpenAI list shape', () => {
    expect(parseModelList(['gpt-5', 'claude-sonnet-4-5', 'gpt-5'])).toEqual([
      'gpt-5',
      'claude-sonnet-4-5',
    ]);
    expect(
      parseModelList({ object: 'list', data: [{ id: 'gpt-5' }, { id: 'tts-1' }, { nope: 1 }] }),
    ).toEqual(['gpt-5', 'tts-1']);
    expect(parseModelList({ error: 'x' })).toEqual([]);
    expect(parseModelList(null)).toEqual([]);
  });

  it.each([
    ['gpt-4o-mini', 'chat'],
    ['gpt-5', 'chat'],
    ['claude-sonnet-4-5', 'chat'],
    ['gemini/gemini-2.5-flash', 'chat'],
    ['tts-1', 'speech'],
    ['gpt-4o-mini-tts', 'speech'],
    ['whisper-1', 'transcription'],
    ['text-embedding-3-small', 'embedding'],
    ['fal_ai/flux/dev', 'image-generation'],
    ['flux/dev', 'image-generation'],
    ['dall-e-3', 'image-generation'],
    ['gpt-image-1', 'image-generation'],
    ['fal_ai/flux-kontext/dev/edit', 'image-edit'],
    ['flux-kontext/dev/edit', 'image-edit'],
    ['veo-3', 'video'],
    ['sora-2', 'video'],
    ['something-else', 'unknown'],
  ])('classifies %s as %s', (id, capability) => {
    expect(capabilityOf(id)).toBe(capability);
  });

  it('lists the chat models only', () => {
    expect(modelsWith(['gpt-5', 'tts-1', 'fal_ai/flux/dev', 'claude-sonnet-4-5'], 'chat')).toEqual([
      'gpt-5',
      'claude-sonnet-4-5',
    ]);
  });

  it('keeps the remembered model while offered and falls back cleanly when it disappears', () => {
    const offered = ['gpt-5', 'gpt-4o-mini', 'claude-sonnet-4-5'];
    expect(chooseModel(offered, 'claude-sonnet-4-5')).toBe('claude-sonnet-4-5');
    expect(chooseModel(offered, 'gone-model')).toBe('gpt-4o-mini');
    expect(chooseModel(['gpt-5'], null)).toBe('gpt-5');
    expect(chooseModel([], 'gpt-5')).toBeUndefined();
  });
});
