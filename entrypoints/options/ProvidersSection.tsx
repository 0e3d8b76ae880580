import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { RedirectUri } from '../../components/RedirectUri';
import { AIPASS_PROVIDER_ID, type Provider } from '../../lib/auth/provider';
import {
  activeProviderId,
  addProvider,
  loadProviders,
  removeProvider,
  watchProviders,
} from '../../lib/config/providers';
import type { Words } from '../../lib/i18n/define';
import { providersText } from '../../lib/i18n/messages/providers';
import { sendMessage } from '../../lib/messages';
import { AddProviderForm, dialectLabel } from './AddProviderForm';

/** Which provider Passlight signs in to; each keeps its own session. */
export function ProvidersSection() {
  const providers = useSignal<Provider[]>([]);
  const activeId = useSignal(AIPASS_PROVIDER_ID);
  const status = useSignal<Words | null>(null);

  useEffect(() => {
    const show = (list: Provider[], id: string) => {
      providers.value = list;
      activeId.value = list.some((provider) => provider.id === id) ? id : AIPASS_PROVIDER_ID;
    };
    void Promise.all([loadProviders(), activeProviderId.getValue()]).then(([list, id]) =>
      show(list, id),
    );
    return watchProviders(show);
  }, []);

  const added = async (provider: Provider) => {
    await addProvider(provider);
    await activeProviderId.setValue(provider.id);
    status.value = () => providersText('added', { name: provider.name });
  };

  const remove = async (provider: Provider) => {
    // Its session ends first, with revocation, so no token outlives the provider's entry.
    await sendMessage('auth.signOut', { providerId: provider.id });
    await removeProvider(provider.id);
    status.value = () => providersText('removed', { name: provider.name });
  };

  return (
    <section class="card" aria-labelledby="providers-title">
      <h2 id="providers-title">{providersText('title')}</h2>
      <p class="muted">{providersText('lead')}</p>
      <fieldset class="provider-list">
        <legend class="sr-only">{providersText('inUse')}</legend>
        {providers.value.map((provider) => (
          <div class="provider-row" key={provider.id}>
            <label class="provider-choice">
              <input
                type="radio"
                name="active-provider"
                value={provider.id}
                checked={activeId.value === provider.id}
                onChange={() => {
                  // Shown at once: waiting for the storage watch would uncheck it for a moment.
                  activeId.value = provider.id;
                  status.value = null;
                  void activeProviderId.setValue(provider.id);
                }}
              />
              <span>
                <strong>{provider.name}</strong>
                <span class="muted">
                  {` · ${provider.id === AIPASS_PROVIDER_ID ? providersText('builtIn') : provider.issuer}`}
                </span>
              </span>
            </label>
            {provider.id === AIPASS_PROVIDER_ID ? null : (
              <ProviderDetails provider={provider} onRemove={() => remove(provider)} />
            )}
          </div>
        ))}
      </fieldset>
      <p role="status" class="status-ok">
        {status.value?.()}
      </p>
      <AddProviderForm takenIds={providers.value.map((p) => p.id)} onAdded={added} />
    </section>
  );
}

function ProviderDetails({ provider, onRemove }: { provider: Provider; onRemove: () => void }) {
  const redirectUri = browser.identity.getRedirectURL(provider.id);
  return (
    <details class="provider-details">
      <summary>{providersText('details')}</summary>
      <dl class="issuer-summary">
        <div>
          <dt>{providersText('apiBase')}</dt>
          <dd>{provider.apiBase}</dd>
        </div>
        <div>
          <dt>{providersText('clientId')}</dt>
          <dd>{provider.clientId}</dd>
        </div>
        <div>
          <dt>{providersText('scopes')}</dt>
          <dd>{provider.scopes.join(' ')}</dd>
        </div>
        <div>
          <dt>{providersText('tokenRequests')}</dt>
          <dd>{dialectLabel(provider.tokenDialect, true)}</dd>
        </div>
      </dl>
      <RedirectUri
        uri={redirectUri}
        label={providersText('copyRedirectOf', { name: provider.name })}
      />
      <button type="button" class="btn" onClick={onRemove}>
        {providersText('remove', { name: provider.name })}
      </button>
    </details>
  );
}
