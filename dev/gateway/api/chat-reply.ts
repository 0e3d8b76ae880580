/**
 * The text of a chat answer: deterministic, several sentences, always with multi-byte
 * characters (two- and three-byte letters and four-byte emoji), so clients must decode UTF-8
 * across chunk boundaries.
 */
import type { ImageFacts } from '../recording';
import { stableHash } from '../secrets';

const CLOSINGS = [
  'Grüße from the local gateway — 你好世界! 🚀🌍',
  'Schöne Grüße, 你好世界, and safe travels 🚀🌍',
  'Grüße und 你好世界 from your test server 🚀🌍',
];

/** Shown instead of a model's words: what the gateway measured in each image, one a line. */
export function imageFactsSentence(facts: ImageFacts): string {
  return `Image received: ${facts.format} ${facts.width}x${facts.height}, ${facts.bytes} bytes.`;
}

export function defaultReply(lastUserText: string, images: ImageFacts[]): string {
  const words = lastUserText.trim().split(/\s+/).filter(Boolean);
  const topic = Array.from(lastUserText.trim()).slice(0, 60).join('') || 'nothing in particular';
  const closing = CLOSINGS[stableHash(lastUserText) % CLOSINGS.length] ?? CLOSINGS[0];
  const sentences = [
    ...images.map(imageFactsSentence),
    `You asked about “${topic}”.`,
    `This is the local AI Pass gateway answering, so the words are made up but always the same for the same question.`,
    `Your message has ${Array.from(lastUserText).length} characters in ${words.length} words.`,
    closing,
  ];
  return sentences.join(' ');
}
