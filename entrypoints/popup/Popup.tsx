import { useEffect, useMemo } from 'preact/hooks';
import { BrandHeader } from '../../components/BrandHeader';
import { Icon } from '../../components/Icon';
import { LaterSpeechControls } from '../../components/LaterSpeechControls';
import { useLazy } from '../../components/use-lazy';
import { popupText } from '../../lib/i18n/messages/popup';
import { lazy } from '../../lib/markdown/lazy';
import { createPopupModel } from './model';

/**
 * The account and signed-out views load while the session is read: the popup's first paint,
 * before the session is known, is its header.
 */
const accountView = lazy(() => import('./AccountView'));
const signedOutView = lazy(() => import('./SignedOutView'));

export function Popup() {
  const model = useMemo(createPopupModel, []);
  useEffect(model.start, [model]);
  const status = model.status.value;
  const account = useLazy(accountView);
  const signedOut = useLazy(signedOutView);

  return (
    <>
      <BrandHeader>
        <button
          type="button"
          class="btn icon-btn"
          onClick={model.openSettings}
          aria-label={popupText('settings')}
          title={popupText('settings')}
        >
          <Icon name="settings" />
        </button>
      </BrandHeader>
      <main class="popup" aria-busy={status === null || !account || !signedOut}>
        <LaterSpeechControls />
        {status === null || !account || !signedOut ? null : status.signedIn ? (
          <account.AccountView model={model} />
        ) : (
          <signedOut.SignedOutView model={model} reason={status.reason} />
        )}
        {model.notice.value ? (
          <p
            role="alert"
            class={model.notice.value.kind === 'error' ? 'notice notice-error' : 'notice'}
          >
            {model.notice.value.words()}
          </p>
        ) : null}
      </main>
    </>
  );
}
