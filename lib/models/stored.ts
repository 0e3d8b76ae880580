/** The person's model choices in `storage.local`, every provider's under one key. */
import { defineCheckedItem } from '../config/checked-item';
import { arrayOf, isString, oneOf, recordOf, shape } from '../config/schema';
import { MODEL_KINDS } from './kind';
import type { ModelChoices, ModelPreferences } from './preferences';

const isModelId = isString({ max: 512 });

const isModelChoices = shape<ModelChoices>({
  hidden: arrayOf(isModelId, { max: 5000 }),
  kinds: recordOf(oneOf(MODEL_KINDS)),
});

export const modelPreferences = defineCheckedItem('local:models.preferences', {
  fallback: {} as ModelPreferences,
  check: recordOf(isModelChoices, { max: 100 }),
  label: 'the models you hid or corrected',
});
