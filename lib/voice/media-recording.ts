/**
 * The browser half of recording: MediaRecorder for the bytes (WebM/Opus where the browser has
 * it, else whatever it records), an AnalyserNode for the level meter and for telling silence
 * from speech. Parts arrive every second, so the size limit is checked while recording.
 */
import { decideChunk } from './size-limit';
import type { RecordedAudio, Recording } from './voice-input';

/** How often MediaRecorder hands over a part, and the loudness is sampled. */
const CHUNK_MS = 1000;
const SAMPLE_MS = 50;
const PREFERRED_TYPES = [
  'audio/webm;codecs=opus',
  'audio/webm',
  'audio/ogg;codecs=opus',
  'audio/mp4',
];

function preferredType(): string | undefined {
  return PREFERRED_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
}

export async function recordStream(stream: MediaStream, limitBytes: number): Promise<Recording> {
  const type = preferredType();
  const recorder = new MediaRecorder(stream, type ? { mimeType: type } : {});
  const audio = new AudioContext();
  await audio.resume().catch(() => undefined);
  const analyser = audio.createAnalyser();
  analyser.fftSize = 2048;
  audio.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const levelNow = () => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    return Math.sqrt(sum / samples.length);
  };
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, levelNow());
  }, SAMPLE_MS);

  const chunks: Blob[] = [];
  let kept = 0;
  let cutAtLimit = false;
  let onLimit = () => {};
  const reachedLimit = new Promise<void>((resolve) => {
    onLimit = resolve;
  });
  recorder.addEventListener('dataavailable', (event) => {
    if (cutAtLimit || event.data.size === 0) return;
    if (decideChunk(kept, event.data.size, limitBytes) === 'stop-at-limit') {
      cutAtLimit = true;
      onLimit();
      return;
    }
    chunks.push(event.data);
    kept += event.data.size;
  });
  const stopped = new Promise<void>((resolve) => {
    recorder.addEventListener('stop', () => resolve(), { once: true });
  });
  const release = () => {
    clearInterval(sampler);
    for (const track of stream.getTracks()) track.stop();
    void audio.close().catch(() => undefined);
  };
  recorder.start(CHUNK_MS);

  return {
    level: levelNow,
    reachedLimit,
    async finish(): Promise<RecordedAudio> {
      peak = Math.max(peak, levelNow());
      if (recorder.state !== 'inactive') recorder.stop();
      await stopped;
      release();
      return {
        blob: new Blob(chunks, { type: recorder.mimeType || type || 'audio/webm' }),
        peak,
        cutAtLimit,
      };
    },
    discard() {
      if (recorder.state !== 'inactive') recorder.stop();
      chunks.length = 0;
      release();
    },
  };
}
