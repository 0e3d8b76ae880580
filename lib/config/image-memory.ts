/** The image models the side panel remembers between openings, one for making, one for editing. */
import { defineCheckedItem } from './checked-item';
import { isString, nullable } from './schema';

export const rememberedImageModel = defineCheckedItem('local:images.model', {
  fallback: null as string | null,
  check: nullable(isString({ max: 512 })),
  label: 'the image model you picked',
});

export const rememberedEditModel = defineCheckedItem('local:images.editModel', {
  fallback: null as string | null,
  check: nullable(isString({ max: 512 })),
  label: 'the image editing model you picked',
});
