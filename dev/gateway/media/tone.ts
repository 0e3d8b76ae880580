/**
 * A soft tone standing in for speech: its length grows with the text, as speech would.
 */
const SECONDS_PER_CHARACTER = 0.05;
const MIN_SECONDS = 0.4;
const MAX_SECONDS = 20;
const FADE_SECONDS = 0.05;
/** About a fifth of full scale: audible, never harsh. */
const AMPLITUDE = 0.2 * 32767;

export function speechDurationSeconds(characters: number): number {
  return Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, characters * SECONDS_PER_CHARACTER));
}

/** 16-bit mono samples of a sine with short fades in and out (no clicks). */
export function toneSamples(seconds: number, sampleRate: number, frequency: number): Int16Array {
  const count = Math.round(seconds * sampleRate);
  const fade = Math.min(Math.round(FADE_SECONDS * sampleRate), Math.floor(count / 2));
  const samples = new Int16Array(count);
  for (let index = 0; index < count; index += 1) {
    const envelope = Math.min(1, index / fade, (count - 1 - index) / fade);
    samples[index] = Math.round(
      AMPLITUDE * envelope * Math.sin((2 * Math.PI * frequency * index) / sampleRate),
    );
  }
  return samples;
}
