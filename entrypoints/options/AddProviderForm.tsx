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
import type { Words } from '../../lib/i18n/define';
import { providersText } from '../../lib/i18n/messages/providers';
import { IssuerSummary } from './IssuerSummary';

/** How the options page names a dialect: in full as a choice, short in a provider's details. */
export function dialectLabel(dialect: TokenDialect, short = false): string {
  const key = TOKEN_DIALECTS[dialect].labelKey;
  return providersText(short ? `${key}Short` : key);
}

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
  const issuerError = useSignal<Words | null>(null);
  const lookingUp = useSignal(false);
  const facts = useSignal<IssuerFacts | null>(null);
  const form = useSignal<ProviderForm>(EMPTY_FORM);
  const errors = useSignal<FieldErrors>({});
  const addError = useSignal<Words | null>(null);

  const lookUp = async (event: Event) => {
    event.preventDefault();
    facts.value = null;
    addError.value = null;
    const checked = checkSecureUrl(issuerInput.value, 'fieldIssuer');
    if (!checked.ok) {
      const { reason } = checked;
      issuerError.value = () => reason;
      return;
    }
    issuerError.value = null;
    const origin = new URL(checked.url).origin;
    const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
    if (!granted) {
      issuerError.value = () => providersText('needsAccessToRead', { origin });
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
      const message = error instanceof AuthError ? error.message : null;
      issuerError.value = message ? () => message : () => providersText('unreadable');
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
      addError.value = () => providersText('needsAccessToUse', { origins: origins.join(', ') });
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
      <h3>{providersText('addTitle')}</h3>
      <form class="options-form" onSubmit={lookUp} noValidate aria-busy={lookingUp.value}>
        <div class="field">
          <label for="issuer-url">{providersText('issuerUrl')}</label>
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
              aria-invalid={issuerError.value !== null}
              aria-describedby="issuer-url-hint"
            />
            <button type="submit" class="btn" disabled={lookingUp.value}>
              {providersText(lookingUp.value ? 'reading' : 'readSettings')}
            </button>
          </div>
          <span
            id="issuer-url-hint"
            role={issuerError.value ? 'alert' : undefined}
            class={issuerError.value ? 'hint status-error' : 'hint'}
          >
            {issuerError.value?.() ?? providersText('issuerHint')}
          </span>
        </div>
      </form>

      {facts.value ? (
        <form class="options-form confirm-provider" onSubmit={add} noValidate>
          <IssuerSummary facts={facts.value} />
          <TextField
            label={providersText('name')}
            hint={providersText('nameHint')}
            {...field('name')}
          />
          <TextField
            label={providersText('apiBase')}
            url
            placeholder="https://api.example.com/v1"
            hint={providersText('apiBaseHint')}
            {...field('apiBase')}
          />
          <div class="field">
            <label for="redirect-new">{providersText('redirectToRegister')}</label>
            <RedirectUri
              id="redirect-new"
              uri={redirectUri}
              label={providersText('copyNewRedirect')}
            />
          </div>
          <TextField
            label={providersText('clientId')}
            hint={providersText('clientIdHint')}
            {...field('clientId')}
          />
          <TextField
            label={providersText('scopes')}
            hint={providersText('scopesHint')}
            {...field('scopes')}
          />
          {facts.value.knownDialect ? null : (
            <div class="field">
              <label for="provider-tokenDialect">{providersText('tokenStyle')}</label>
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
                    {dialectLabel(dialect)}
                  </option>
                ))}
              </select>
              <span class="hint">{providersText('tokenStyleHint')}</span>
            </div>
          )}
          <div class="options-actions">
            <button type="submit" class="btn btn-primary">
              {providersText('addProvider')}
            </button>
            <button
              type="button"
              class="btn"
              onClick={() => {
                facts.value = null;
                errors.value = {};
              }}
            >
              {providersText('cancel')}
            </button>
            <span role="status" class="status-error">
              {addError.value?.()}
            </span>
          </div>
        </form>
      ) : null}
    </div>
  );
}
