/** What the side panel remembers between openings, in `storage.local`. */
import { defineCheckedItem } from './checked-item';
import { isString, nullable } from './schema';

export const rememberedModel = defineCheckedItem('local:chat.model', {
  fallback: null as string | null,
  check: nullable(isString({ max: 512 })),
  label: 'the chat model you picked',
});

export const lastConversation = defineCheckedItem('local:chat.lastConversation', {
  fallback: null as string | null,
  check: nullable(isString({ max: 64 })),
  label: 'the conversation open last',
});
