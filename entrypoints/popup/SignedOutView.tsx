import { popupText } from '../../lib/i18n/messages/popup';
import { type SessionEndReason, sessionEndWords } from '../../lib/i18n/messages/session-end';
import type { PopupModel } from './model';

export function SignedOutView({ model, reason }: { model: PopupModel; reason?: SessionEndReason }) {
  const signingIn = model.busy.value === 'signing-in';
  return (
    <section class="card signed-out" aria-labelledby="signed-out-title">
      <h1 id="signed-out-title">{popupText('signedOutTitle')}</h1>
      <p class="muted">{popupText('signedOutLead', { provider: model.providerName.value })}</p>
      {reason ? (
        <p class="notice" role="status">
          {sessionEndWords(reason)}
        </p>
      ) : null}
      <button
        type="button"
        class="btn btn-primary wide"
        onClick={() => model.signIn('login')}
        disabled={signingIn}
      >
        {signingIn
          ? popupText('waitingForSignIn')
          : popupText('signInWith', { provider: model.providerName.value })}
      </button>
      <button
        type="button"
        class="btn btn-link wide"
        onClick={() => model.signIn('login', true)}
        disabled={signingIn}
      >
        {popupText('anotherAccount')}
      </button>
      {model.hasBalance.value ? (
        // Account creation is an AI Pass screen (`mode=signup`); other providers have their own.
        <button
          type="button"
          class="btn btn-link wide"
          onClick={() => model.signIn('signup')}
          disabled={signingIn}
        >
          {popupText('createAccount')}
        </button>
      ) : null}
    </section>
  );
}
