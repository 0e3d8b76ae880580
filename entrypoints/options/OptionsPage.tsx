import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BrandHeader } from '../../components/BrandHeader';
import { RedirectUri } from '../../components/RedirectUri';
import { TextField } from '../../components/TextField';
import { AIPASS_REDIRECT_PATH } from '../../lib/auth/redirect-uri';
import { checkClientId } from '../../lib/config/client-id';
import { checkServerUrl, originPattern } from '../../lib/config/server-url';
import {
  BUILD_DEFAULTS,
  loadProviderSettings,
  resetProviderSettings,
  saveProviderSettings,
  watchProviderSettings,
} from '../../lib/config/settings';
import { optionsText } from '../../lib/i18n/messages/options';
import { AnswerLengthSettings } from './AnswerLengthSettings';
import { ConversationsSection } from './ConversationsSection';
import { LanguageSettings } from './LanguageSettings';
import { ModelsSection } from './ModelsSection';
import { ProvidersSection } from './ProvidersSection';
import { ReadAloudSettings } from './ReadAloudSettings';
import { ResetNotice } from './ResetNotice';
import { StaySignedIn } from './StaySignedIn';
import { ThemeSettings } from './ThemeSettings';
import { VoiceSettings } from './VoiceSettings';

type SaveStatus = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function OptionsPage() {
  const serverUrl = useSignal('');
  const clientId = useSignal('');
  const serverError = useSignal('');
  const clientError = useSignal('');
  const status = useSignal<SaveStatus>({ kind: 'idle' });
  const loaded = useSignal(false);
  const redirectUri = browser.identity.getRedirectURL(AIPASS_REDIRECT_PATH);
  const pageTitle = optionsText('pageTitle');
  useEffect(() => {
    document.title = pageTitle;
  }, [pageTitle]);

  useEffect(() => {
    const show = (settings: { serverUrl: string; clientId: string }) => {
      serverUrl.value = settings.serverUrl;
      clientId.value = settings.clientId;
      loaded.value = true;
    };
    void loadProviderSettings().then(show);
    return watchProviderSettings(show);
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    status.value = { kind: 'idle' };
    const server = checkServerUrl(serverUrl.value);
    const client = checkClientId(clientId.value, 'AI Pass');
    serverError.value = server.ok ? '' : server.reason;
    clientError.value = client.ok ? '' : client.reason;
    if (!server.ok || !client.ok) return;
    // Asked for first, while the click still counts as a user gesture; an origin already
    // granted (the build's own server) resolves at once without a prompt.
    const granted = await browser.permissions.request({ origins: [originPattern(server.origin)] });
    if (!granted) {
      status.value = {
        kind: 'error',
        message: optionsText('needsAccess', { origin: server.origin }),
      };
      return;
    }
    await saveProviderSettings({ serverUrl: server.origin, clientId: client.clientId });
    serverUrl.value = server.origin;
    clientId.value = client.clientId;
    status.value = { kind: 'saved' };
  };

  const restoreDefaults = async () => {
    await resetProviderSettings();
    serverError.value = '';
    clientError.value = '';
    status.value = { kind: 'saved' };
  };

  return (
    <>
      <BrandHeader />
      <main class="options">
        <h1>{optionsText('title')}</h1>
        <ResetNotice />
        <form class="card options-form" onSubmit={save} aria-busy={!loaded.value} noValidate>
          <h2>{optionsText('connectionTitle')}</h2>
          <p class="muted">{optionsText('connectionLead')}</p>
          <TextField
            id="server-url"
            label={optionsText('serverUrl')}
            url
            value={serverUrl.value}
            onValue={(value) => {
              serverUrl.value = value;
            }}
            hint={optionsText('defaultValue', { value: BUILD_DEFAULTS.serverUrl })}
            error={serverError.value}
          />
          <TextField
            id="client-id"
            label={optionsText('clientId')}
            value={clientId.value}
            onValue={(value) => {
              clientId.value = value;
            }}
            hint={
              BUILD_DEFAULTS.clientId
                ? optionsText('defaultValue', { value: BUILD_DEFAULTS.clientId })
                : optionsText('clientIdHint')
            }
            error={clientError.value}
          />
          <div class="options-actions">
            <button type="submit" class="btn btn-primary">
              {optionsText('save')}
            </button>
            <button type="button" class="btn" onClick={restoreDefaults}>
              {optionsText('restoreDefaults')}
            </button>
            <span
              role="status"
              class={status.value.kind === 'error' ? 'status-error' : 'status-ok'}
            >
              {status.value.kind === 'saved' ? optionsText('saved') : ''}
              {status.value.kind === 'error' ? status.value.message : ''}
            </span>
          </div>
        </form>
        <section class="card" aria-labelledby="redirect-title">
          <h2 id="redirect-title">{optionsText('redirectTitle')}</h2>
          <p class="muted">{optionsText('redirectLead')}</p>
          <RedirectUri id="redirect-uri" uri={redirectUri} label={optionsText('copyRedirect')} />
        </section>
        <ProvidersSection />
        <ModelsSection />
        <StaySignedIn />
        <ReadAloudSettings />
        <VoiceSettings />
        <ConversationsSection />
        <AnswerLengthSettings />
        <ThemeSettings />
        <LanguageSettings />
      </main>
    </>
  );
}
