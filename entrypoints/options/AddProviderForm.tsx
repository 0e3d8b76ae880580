import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { RedirectUri } from '../../components/RedirectUri';
import { TextField } from '../../components/TextField';
import { AuthError } from '../../lib/auth/errors';
import { lookUpIssuer } from '../../lib/auth/issuer-lookup';
import type { Provider } from '../../lib/auth/provider';
import {
  checkNewProvider,
  checkSecureUrl,
  type FieldErrors,
  type IssuerFacts,
  originsToGrant,
  type ProviderForm,
  providerIdFor,
} from '../../lib/config/new-provider';
import { originPattern } from '../../lib/config/server-url';
import {
  TOKEN_DIALECT_NAMES,
  TOKEN_DIALECTS,
  type TokenDialect,
} from '../../lib/config/token-dialects';
import { IssuerSummary } from './IssuerSummary';

const EMPTY_FORM: ProviderForm = {
  name: '',
  apiBase: '',
  clientId: '',
  scopes: '',
  tokenDialect: 'form',
};

/**
 * Two steps: the issuer's metadata is read and shown for confirmation, then the rest is filled
 * in and saved. Host access is asked for in each click, before anything is awaited: after an
 * `await` the click no longer counts as the person's gesture and the browser refuses to ask.
 */
export function AddProviderForm({
  takenIds,
  onAdded,
}: {
  takenIds: string[];
  onAdded: (provider: Provider) => Promise<void>;
}) {
  const issuerInput = useSignal('');
  const issuerError = useSignal('');
  const lookingUp = useSignal(false);
  const facts = useSignal<IssuerFacts | null>(null);
  const form = useSignal<ProviderForm>(EMPTY_FORM);
  const errors = useSignal<FieldErrors>({});
  const addError = useSignal('');

  const lookUp = async (event: Event) => {
    event.preventDefault();
    facts.value = null;
    addError.value = '';
    const checked = checkSecureUrl(issuerInput.value, 'issuer URL');
    if (!checked.ok) {
      issuerError.value = checked.reason;
      return;
    }
    issuerError.value = '';
    const origin = new URL(checked.url).origin;
    const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
    if (!granted) {
      issuerError.value = `Passlight needs access to ${origin} to read its settings. Nothing was saved.`;
      return;
    }
    lookingUp.value = true;
    try {
      const found = await lookUpIssuer(checked.url);
      facts.value = found;
      form.value = {
        ...EMPTY_FORM,
        name: new URL(found.issuer).hostname,
        scopes: found.defaultScopes.join(' '),
        tokenDialect: found.knownDialect ?? 'form',
      };
    } catch (error) {
      issuerError.value =
        error instanceof AuthError ? error.message : 'The provider’s settings could not be read.';
    } finally {
      lookingUp.value = false;
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const found = facts.value;
    if (!found) return;
    const checked = checkNewProvider(form.value, found, takenIds);
    errors.value = checked.ok ? {} : checked.errors;
    if (!checked.ok) return;
    const origins = originsToGrant(checked.provider, found);
    const granted = await browser.permissions.request({ origins });
    if (!granted) {
      addError.value = `Passlight needs access to ${origins.join(', ')} to use this provider. Nothing was saved.`;
      return;
    }
    await onAdded(checked.provider);
    facts.value = null;
    issuerInput.value = '';
    form.value = EMPTY_FORM;
  };

  /** The TextField props of one form field: its value, its setter and its error. */
  const field = (name: Exclude<keyof ProviderForm, 'tokenDialect'>) => ({
    id: `provider-${name}`,
    value: form.value[name],
    onValue: (value: string) => {
      form.value = { ...form.value, [name]: value };
    },
    error: errors.value[name],
  });
  const redirectUri = browser.identity.getRedirectURL(providerIdFor(form.value.name, takenIds));

  return (
    <div class="add-provider">
      <h3>Add a provider</h3>
      <form class="options-form" onSubmit={lookUp} noValidate aria-busy={lookingUp.value}>
        <div class="field">
          <label for="issuer-url">Issuer URL</label>
          <div class="inline-row">
            <input
              id="issuer-url"
              type="url"
              inputMode="url"
              spellcheck={false}
              autoComplete="off"
              placeholder="https://auth.example.com"
              value={issuerInput.value}
              onInput={(e) => {
                issuerInput.value = e.currentTarget.value;
              }}
              aria-invalid={issuerError.value !== ''}
              aria-describedby="issuer-url-hint"
            />
            <button type="submit" class="btn" disabled={lookingUp.value}>
              {lookingUp.value ? 'Reading…' : 'Read settings'}
            </button>
          </div>
          <span
            id="issuer-url-hint"
            role={issuerError.value ? 'alert' : undefined}
            class={issuerError.value ? 'hint status-error' : 'hint'}
          >
            {issuerError.value ||
              'Any OAuth 2.1 or OpenID Connect server: Passlight reads its published settings.'}
          </span>
        </div>
      </form>

      {facts.value ? (
        <form class="options-form confirm-provider" onSubmit={add} noValidate>
          <IssuerSummary facts={facts.value} />
          <TextField label="Name" hint="Shown on the Sign in button." {...field('name')} />
          <TextField
            label="API base URL"
            url
            placeholder="https://api.example.com/v1"
            hint="Where its OpenAI-compatible API answers (…/chat/completions)."
            {...field('apiBase')}
          />
          <div class="field">
            <label for="redirect-new">Redirect URI to register</label>
            <RedirectUri
              id="redirect-new"
              uri={redirectUri}
              label="Copy the new provider’s redirect URI"
            />
          </div>
          <TextField
            label="Client ID"
            hint="The public client you registered with that redirect URI."
            {...field('clientId')}
          />
          <TextField
            label="Scopes"
            hint="Separated by spaces; proposed from what the server offers."
            {...field('scopes')}
          />
          {facts.value.knownDialect ? null : (
            <div class="field">
              <label for="provider-tokenDialect">Token request style</label>
              <select
                id="provider-tokenDialect"
                value={form.value.tokenDialect}
                onChange={(e) => {
                  form.value = {
                    ...form.value,
                    tokenDialect: e.currentTarget.value as TokenDialect,
                  };
                }}
              >
                {TOKEN_DIALECT_NAMES.map((dialect) => (
                  <option key={dialect} value={dialect}>
                    {TOKEN_DIALECTS[dialect].label}
                  </option>
                ))}
              </select>
              <span class="hint">
                Its metadata does not say how it wants token requests; its documentation does.
              </span>
            </div>
          )}
          <div class="options-actions">
            <button type="submit" class="btn btn-primary">
              Add provider
            </button>
            <button
              type="button"
              class="btn"
              onClick={() => {
                facts.value = null;
                errors.value = {};
              }}
            >
              Cancel
            </button>
            <span role="status" class="status-error">
              {addError.value}
            </span>
          </div>
        </form>
      ) : null}
    </div>
  );
}
