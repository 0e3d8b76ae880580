/**
 * How large a recording may be. Whisper-style endpoints refuse uploads over 25 MB; Opus at the
 * browser's usual 32–64 kbit/s reaches that only after about an hour, so a question never gets
 * near it, but a forgotten recording can. Recording stops at the limit and keeps what came
 * before (MediaRecorder's chunks joined in order are a playable file at any chunk boundary).
 */

export const WHISPER_UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;

/** What to do with the next chunk of a recording that holds `keptBytes` so far. */
export type ChunkDecision = 'keep' | 'stop-at-limit';

export function decideChunk(
  keptBytes: number,
  chunkBytes: number,
  limitBytes: number,
): ChunkDecision {
  return keptBytes + chunkBytes <= limitBytes ? 'keep' : 'stop-at-limit';
}

/** The last check before sending: a recording over the limit is refused, never cut blindly. */
export function fitsUploadLimit(bytes: number, limitBytes: number): boolean {
  return bytes > 0 && bytes <= limitBytes;
}

/** Megabytes for a person to read: 25 MB, 25.3 MB. */
export function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
