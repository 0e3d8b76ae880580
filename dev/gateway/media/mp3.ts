/**
 * MP3 through lamejs, a pure-JavaScript LAME port: real, playable frames.
 */
import { Mp3Encoder } from '@breezystack/lamejs';

const KBPS = 48;
/** LAME takes input in frames of 1152 samples. */
const SAMPLES_PER_BLOCK = 1152;

export function encodeMp3(samples: Int16Array, sampleRate: number): Buffer {
  const encoder = new Mp3Encoder(1, sampleRate, KBPS);
  const parts: Buffer[] = [];
  for (let start = 0; start < samples.length; start += SAMPLES_PER_BLOCK) {
    parts.push(asBuffer(encoder.encodeBuffer(samples.subarray(start, start + SAMPLES_PER_BLOCK))));
  }
  parts.push(asBuffer(encoder.flush()));
  return Buffer.concat(parts);
}

/** lamejs hands back Int8Arrays whatever its types say: view the same bytes as a Buffer. */
function asBuffer(frames: ArrayBufferView): Buffer {
  return Buffer.from(frames.buffer, frames.byteOffset, frames.byteLength);
}
