import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { fetchModelIds } from '../../lib/api/chat';
import { ApiError } from '../../lib/api/errors';
import { type AuthStatus, accountKey, authStatus, providerNameOf } from '../../lib/auth/status';
import { formatNumber } from '../../lib/i18n/define';
import { modelsText } from '../../lib/i18n/messages/models';
import { describeModels, type ModelInfo } from '../../lib/models';
import { kindLabel, MODEL_KINDS, type ModelKind } from '../../lib/models/kind';
import { rulesFor } from '../../lib/models/picker';
import {
  type ModelChoices,
  NO_CHOICES,
  setHidden,
  setKind,
  updateChoices,
  withCorrections,
} from '../../lib/models/preferences';
import { modelPreferences } from '../../lib/models/stored';
import './models-section.css';

type Listing =
  | { state: 'signed-out' }
  | { state: 'loading' }
  | { state: 'ready'; models: ModelInfo[] }
  | { state: 'error'; message: string };

/**
 * The active provider's models, grouped by what Passlight thinks they do. The person may leave a
 * chat model out of the side panel's picker, or correct a kind; both are kept per provider.
 */
export function ModelsSection() {
  const status = useSignal<AuthStatus | null>(null);
  const listing = useSignal<Listing>({ state: 'signed-out' });
  const choices = useSignal<ModelChoices>(NO_CHOICES);

  useEffect(() => {
    let shownAccount: string | null = null;
    const show = (next: AuthStatus) => {
      status.value = next;
      const account = accountKey(next);
      if (account === shownAccount) return;
      shownAccount = account;
      if (!next.signedIn) {
        listing.value = { state: 'signed-out' };
        return;
      }
      listing.value = { state: 'loading' };
      void fetchModelIds().then(
        (body) => {
          if (shownAccount !== account) return;
          listing.value = {
            state: 'ready',
            models: describeModels(body, rulesFor(next.provider.id)),
          };
        },
        (error: unknown) => {
          if (shownAccount !== account) return;
          const message = error instanceof ApiError ? error.message : modelsText('loadFailed');
          listing.value = { state: 'error', message };
        },
      );
    };
    void authStatus.getValue().then(show);
    return authStatus.watch(show);
  }, []);

  const providerId = status.value?.provider?.id;
  const providerName = providerNameOf(status.value);

  useEffect(() => {
    if (!providerId) return;
    const show = (preferences: Record<string, ModelChoices>) => {
      choices.value = preferences[providerId] ?? NO_CHOICES;
    };
    void modelPreferences.getValue().then(show);
    return modelPreferences.watch(show);
  }, [providerId]);

  const change = async (update: (current: ModelChoices) => ModelChoices) => {
    if (!providerId) return;
    const preferences = await modelPreferences.getValue();
    await modelPreferences.setValue(updateChoices(preferences, providerId, update));
  };

  return (
    <section class="card models-section" aria-labelledby="models-title">
      <h2 id="models-title">{modelsText('title')}</h2>
      <p class="muted">{modelsText('lead', { provider: providerName })}</p>
      <ModelListing
        listing={listing.value}
        providerName={providerName}
        choices={choices.value}
        onHide={(model, hidden) => void change((current) => setHidden(current, model.id, hidden))}
        onKind={(model, kind) => void change((current) => setKind(current, model, kind))}
      />
    </section>
  );
}

function ModelListing(props: {
  listing: Listing;
  providerName: string;
  choices: ModelChoices;
  onHide: (model: ModelInfo, hidden: boolean) => void;
  onKind: (model: ModelInfo, kind: ModelKind) => void;
}) {
  const { listing, providerName, choices } = props;
  if (listing.state === 'signed-out')
    return <p class="muted">{modelsText('signInToSee', { provider: providerName })}</p>;
  if (listing.state === 'loading') return <p aria-busy="true">{modelsText('loading')}</p>;
  if (listing.state === 'error') return <p class="status-error">{listing.message}</p>;
  if (listing.models.length === 0) return <p>{modelsText('none', { provider: providerName })}</p>;
  const found = new Map(listing.models.map((model) => [model.id, model]));
  const corrected = withCorrections(listing.models, choices);
  const hidden = new Set(choices.hidden);
  return (
    <div class="model-groups">
      {MODEL_KINDS.map((kind) => {
        const models = corrected.filter((model) => model.kind === kind);
        if (models.length === 0) return null;
        return (
          <section key={kind} class="model-group" aria-labelledby={`models-${kind}`}>
            <h3 id={`models-${kind}`}>
              {kindLabel(kind)} <span class="muted">({formatNumber(models.length)})</span>
            </h3>
            <ul class="model-list">
              {models.map((model) => (
                <ModelRow
                  key={model.id}
                  model={model}
                  found={found.get(model.id) ?? model}
                  hidden={hidden.has(model.id)}
                  onHide={props.onHide}
                  onKind={props.onKind}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function ModelRow(props: {
  model: ModelInfo;
  /** As Passlight found it, before the person's correction. */
  found: ModelInfo;
  hidden: boolean;
  onHide: (model: ModelInfo, hidden: boolean) => void;
  onKind: (model: ModelInfo, kind: ModelKind) => void;
}) {
  const { model, found, hidden } = props;
  const chat = model.kind === 'chat' || model.kind === 'vision';
  return (
    <li class={hidden ? 'model-row is-hidden' : 'model-row'}>
      <span class="model-id">{model.id}</span>
      {chat ? (
        <label class="model-show">
          <input
            type="checkbox"
            checked={!hidden}
            aria-label={modelsText('showInPicker', { model: model.id })}
            onChange={(event) => props.onHide(model, !event.currentTarget.checked)}
          />
          <span aria-hidden="true">{modelsText('inPicker')}</span>
        </label>
      ) : null}
      <select
        class="model-kind"
        aria-label={modelsText('kindOf', { model: model.id })}
        value={model.kind}
        onChange={(event) => props.onKind(found, event.currentTarget.value as ModelKind)}
      >
        {MODEL_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kind === found.kind && model.kind !== found.kind
              ? modelsText('asFound', { kind: kindLabel(kind) })
              : kindLabel(kind)}
          </option>
        ))}
      </select>
    </li>
  );
}
