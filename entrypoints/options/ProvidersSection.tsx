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
import { TOKEN_DIALECTS } from '../../lib/config/token-dialects';
import { sendMessage } from '../../lib/messages';
import { AddProviderForm } from './AddProviderForm';

/** Which provider Passlight signs in to; each keeps its own session. */
export function ProvidersSection() {
  const providers = useSignal<Provider[]>([]);
  const activeId = useSignal(AIPASS_PROVIDER_ID);
  const status = useSignal('');

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
    status.value = `Added ${provider.name}. Passlight now uses it: sign in from the toolbar button.`;
  };

  const remove = async (provider: Provider) => {
    // Its session ends first, with revocation, so no token outlives the provider's entry.
    await sendMessage('auth.signOut', { providerId: provider.id });
    await removeProvider(provider.id);
    status.value = `Removed ${provider.name}.`;
  };

  return (
    <section class="card" aria-labelledby="providers-title">
      <h2 id="providers-title">Providers</h2>
      <p class="muted">
        AI Pass is built in. Add any OAuth 2.1 or OpenID Connect AI gateway; Passlight uses one at a
        time, and each keeps its own session.
      </p>
      <fieldset class="provider-list">
        <legend class="sr-only">Provider in use</legend>
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
                  status.value = '';
                  void activeProviderId.setValue(provider.id);
                }}
              />
              <span>
                <strong>{provider.name}</strong>
                <span class="muted">
                  {provider.id === AIPASS_PROVIDER_ID ? ' · built in' : ` · ${provider.issuer}`}
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
        {status.value}
      </p>
      <AddProviderForm takenIds={providers.value.map((p) => p.id)} onAdded={added} />
    </section>
  );
}

function ProviderDetails({ provider, onRemove }: { provider: Provider; onRemove: () => void }) {
  const redirectUri = browser.identity.getRedirectURL(provider.id);
  return (
    <details class="provider-details">
      <summary>Details</summary>
      <dl class="issuer-summary">
        <div>
          <dt>API base URL</dt>
          <dd>{provider.apiBase}</dd>
        </div>
        <div>
          <dt>Client ID</dt>
          <dd>{provider.clientId}</dd>
        </div>
        <div>
          <dt>Scopes</dt>
          <dd>{provider.scopes.join(' ')}</dd>
        </div>
        <div>
          <dt>Token requests</dt>
          <dd>{TOKEN_DIALECTS[provider.tokenDialect].shortLabel}</dd>
        </div>
      </dl>
      <RedirectUri uri={redirectUri} label={`Copy the redirect URI of ${provider.name}`} />
      <button type="button" class="btn" onClick={onRemove}>
        Remove {provider.name}
      </button>
    </details>
  );
}
