/**
 * What a provider offers for one kind of work, loaded once however many ask, and the model chosen
 * for each use of it, remembered across panels. The chat picker has one use (lib/chat/model-choice.ts),
 * the image composer two: making and editing (lib/images/image-model-choice.ts).
 */
import { batch, type Signal, signal } from '@preact/signals';
import { ApiError } from '../api/errors';

/** Where a choice is kept between panels. */
interface RememberedModel {
  getValue(): Promise<string | null>;
  setValue(id: string): Promise<void>;
}

export interface ModelUse<Offer> {
  remembered: RememberedModel;
  /** The model chosen once the offer is known: the remembered one while offered, else a default. */
  choose(offer: Offer, remembered: string | null): string | undefined;
}

export interface ModelSelection<Offer, Use extends string> {
  models: Signal<Offer>;
  state: Signal<'idle' | 'loading' | 'ready' | 'error'>;
  error: Signal<string>;
  chosen: Record<Use, Signal<string | undefined>>;
  /** Asks for the model list once, however many callers want it at the same time. */
  load(): Promise<void>;
  select(use: Use, id: string): void;
}

export function createModelSelection<Offer, Use extends string>(spec: {
  /** The offer before anything is loaded. */
  none: Offer;
  fetchOffer: () => Promise<Offer>;
  uses: Record<Use, ModelUse<Offer>>;
  /** The words for a failed load that is not the gateway's own error. */
  failedText: () => string;
  /** What to say about an offer that loaded but is of no use; '' when there is nothing to say. */
  emptyText?: (offer: Offer) => string;
}): ModelSelection<Offer, Use> {
  const uses = Object.keys(spec.uses) as Use[];
  const models = signal(spec.none);
  const state = signal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const error = signal('');
  const chosen = {} as Record<Use, Signal<string | undefined>>;
  for (const use of uses) chosen[use] = signal<string | undefined>(undefined);
  let request: Promise<void> | null = null;

  async function fetchModels(): Promise<void> {
    state.value = 'loading';
    error.value = '';
    try {
      const offer = await spec.fetchOffer();
      const remembered = await Promise.all(uses.map((use) => spec.uses[use].remembered.getValue()));
      batch(() => {
        models.value = offer;
        uses.forEach((use, index) => {
          chosen[use].value = spec.uses[use].choose(offer, remembered[index] ?? null);
        });
        state.value = 'ready';
      });
      error.value = spec.emptyText?.(offer) ?? '';
    } catch (cause) {
      state.value = 'error';
      error.value = cause instanceof ApiError ? cause.message : spec.failedText();
    }
  }

  return {
    models,
    state,
    error,
    chosen,
    load() {
      request ??= fetchModels().finally(() => {
        request = null;
      });
      return request;
    },
    select(use, id) {
      chosen[use].value = id;
      void spec.uses[use].remembered.setValue(id);
    },
  };
}
