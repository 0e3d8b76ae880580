/** The kinds of model Passlight tells apart; a module of its own so every part can import it. */

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

/** How the options page names each kind, as a group heading and as a choice. */
export const KIND_LABELS: Record<ModelKind, string> = {
  chat: 'Chat',
  vision: 'Chat that sees images',
  speech: 'Text to speech',
  transcription: 'Transcription',
  image: 'Image generation',
  embedding: 'Embeddings',
  video: 'Video',
  other: 'Other',
};
