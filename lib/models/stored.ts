/** The person's model choices in `storage.local`, every provider's under one key. */
import { storage } from 'wxt/utils/storage';
import type { ModelPreferences } from './preferences';

export const modelPreferences = storage.defineItem<ModelPreferences>('local:models.preferences', {
  fallback: {},
  version: 1,
});
