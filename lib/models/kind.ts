/** The kinds of model Passlight tells apart; a module of its own so every part can import it. */
import { modelsText } from '../i18n/messages/models';

/** What a model is for, in the words the options page shows. `vision` is chat that sees images. */
export type ModelKind =
  | 'chat'
  | 'vision'
  | 'speech'
  | 'transcription'
  | 'image'
  | 'embedding'
  | 'video'
  | 'other';

export const MODEL_KINDS: readonly ModelKind[] = [
  'chat',
  'vision',
  'speech',
  'transcription',
  'image',
  'embedding',
  'video',
  'other',
];

export interface ModelInfo {
  id: string;
  kind: ModelKind;
  /**
   * Whether images may be sent: true for vision, false when the gateway (or the person) says the
   * model reads text only, undefined when nobody said.
   */
  seesImages?: boolean;
  /** How many tokens the model reads at most, when the gateway says; see lib/chat/context-window.ts. */
  contextTokens?: number;
}

const KIND_LABEL_KEYS = {
  chat: 'kindChat',
  vision: 'kindVision',
  speech: 'kindSpeech',
  transcription: 'kindTranscription',
  image: 'kindImage',
  embedding: 'kindEmbedding',
  video: 'kindVideo',
  other: 'kindOther',
} as const satisfies Record<ModelKind, string>;

/** How the options page names each kind, as a group heading and as a choice. */
export function kindLabel(kind: ModelKind): string {
  return modelsText(KIND_LABEL_KEYS[kind]);
}
