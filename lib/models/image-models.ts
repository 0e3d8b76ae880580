/**
 * Which models make images and which edit them, and what each takes. Image generation and image
 * editing are both of kind `image` (lib/models/names.ts); an id ending in `/edit` edits. Sizes
 * and counts follow the provider's published limits where the id names a known family; an id
 * Passlight does not know gets one square size and one image, which every image model takes.
 */
import type { ModelInfo } from './kind';

export interface ImageModels {
  /** Models for `/images/generations`, in the gateway's order. */
  generate: string[];
  /** Models for `/images/edits`. */
  edit: string[];
}

export function isEditModel(id: string): boolean {
  return /\/edit$/i.test(id);
}

/** The image models of a catalogue (already corrected by the person), split by what they do. */
export function imageModelsOf(models: ModelInfo[]): ImageModels {
  const image = models.filter((model) => model.kind === 'image').map((model) => model.id);
  return {
    generate: image.filter((id) => !isEditModel(id)),
    edit: image.filter(isEditModel),
  };
}

export interface ImageOptions {
  /** The sizes to offer, first the default; empty when the model takes no `size`. */
  sizes: string[];
  /** The most images one request may ask for; 1 means no count is offered. */
  maxCount: number;
  /** The most images an edit may send (the picture and its references). */
  maxInputs: number;
}

const SQUARE = '1024x1024';

/** In order: the first family that matches decides. */
const FAMILIES: ReadonlyArray<[RegExp, ImageOptions]> = [
  [/dall-e-3/, { sizes: [SQUARE, '1792x1024', '1024x1792'], maxCount: 1, maxInputs: 1 }],
  [/dall-e-2/, { sizes: ['256x256', '512x512', SQUARE], maxCount: 4, maxInputs: 1 }],
  [/gpt-image/, { sizes: [SQUARE, '1536x1024', '1024x1536'], maxCount: 4, maxInputs: 4 }],
  // fal's multi-image editors take several pictures; its single ones take one.
  [
    /kontext.*multi|multi.*edit|nano-banana|seedream|qwen-image-edit-plus/,
    {
      sizes: [],
      maxCount: 1,
      maxInputs: 4,
    },
  ],
  [/\/edit$/, { sizes: [], maxCount: 1, maxInputs: 1 }],
  [
    /flux|stable-diffusion|sdxl|sd3|recraft|ideogram|imagen/,
    {
      sizes: [SQUARE, '1024x768', '768x1024'],
      maxCount: 4,
      maxInputs: 1,
    },
  ],
];

const UNKNOWN: ImageOptions = { sizes: [], maxCount: 1, maxInputs: 1 };

export function imageOptionsFor(id: string): ImageOptions {
  const name = id.toLowerCase();
  return FAMILIES.find(([pattern]) => pattern.test(name))?.[1] ?? UNKNOWN;
}

/** The remembered model while it is still offered; otherwise the gateway's first. */
export function chooseImageModel(
  available: string[],
  remembered: string | null,
): string | undefined {
  return remembered && available.includes(remembered) ? remembered : available[0];
}
