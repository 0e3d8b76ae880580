import { useEffect, useMemo } from 'preact/hooks';
import { BrandHeader } from '../../components/BrandHeader';
import { Icon } from '../../components/Icon';
import { SpeechControls } from '../../components/SpeechControls';
import { popupText } from '../../lib/i18n/messages/popup';
import { AccountView } from './AccountView';
import { createPopupModel } from './model';
import { SignedOutView } from './SignedOutView';

export function Popup() {
  const model = useMemo(createPopupModel, []);
  useEffect(model.start, [model]);
  const status = model.status.value;

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
      <main class="popup" aria-busy={status === null}>
        <SpeechControls />
        {status === null ? null : status.signedIn ? (
          <AccountView model={model} />
        ) : (
          <SignedOutView model={model} reason={status.reason} />
        )}
        {model.notice.value ? (
          <p
            role="alert"
            class={model.notice.value.kind === 'error' ? 'notice notice-error' : 'notice'}
          >
            {model.notice.value.text}
          </p>
        ) : null}
      </main>
    </>
  );
}
