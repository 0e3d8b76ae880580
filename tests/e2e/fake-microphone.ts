/**
 * What Chromium's fake microphone plays: a WAV file written for the test run, and the flags that
 * make every `getUserMedia` get it without a prompt. Chromium loops the file.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeWav } from '../../dev/gateway/media/wav';

export type FakeMicrophone = 'voice' | 'silence';

const SAMPLE_RATE = 16_000;
const SECONDS = 4;

/**
 * Speech-like sound: tones that change pitch every 200 ms, in syllable-long bursts, at about a
 * third of full scale (a steady tone could be taken for noise and suppressed).
 */
function voiceLikeSamples(): Int16Array {
  const samples = new Int16Array(SAMPLE_RATE * SECONDS);
  const pitches = [180, 240, 210, 300, 160, 260];
  for (let index = 0; index < samples.length; index += 1) {
    const time = index / SAMPLE_RATE;
    const pitch = pitches[Math.floor(time / 0.2) % pitches.length] ?? 200;
    const syllable = Math.sin(Math.PI * ((time % 0.4) / 0.4)) ** 2;
    const wave = Math.sin(2 * Math.PI * pitch * time) + 0.5 * Math.sin(4 * Math.PI * pitch * time);
    samples[index] = Math.round(0.33 * 32767 * syllable * (wave / 1.5));
  }
  return samples;
}

/** Writes the file into `folder` and returns the Chromium flags that play it. */
export async function fakeMicrophoneArgs(kind: FakeMicrophone, folder: string): Promise<string[]> {
  const samples = kind === 'voice' ? voiceLikeSamples() : new Int16Array(SAMPLE_RATE * SECONDS);
  const file = path.join(folder, `fake-microphone-${kind}.wav`);
  await writeFile(file, encodeWav(samples, SAMPLE_RATE));
  return [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-audio-capture=${file}`,
  ];
}
