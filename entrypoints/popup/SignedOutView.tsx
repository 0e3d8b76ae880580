import type { PopupModel } from './model';

export function SignedOutView({ model, reason }: { model: PopupModel; reason?: string }) {
  const signingIn = model.busy.value === 'signing-in';
  return (
    <section class="card signed-out" aria-labelledby="signed-out-title">
      <h1 id="signed-out-title">AI on any page</h1>
      <p class="muted">
        Explain a selection, describe an image or hear a text read aloud, paid from your own{' '}
        {model.providerName} account.
      </p>
      {reason ? (
        <p class="notice" role="status">
          {reason}
        </p>
      ) : null}
      <button
        type="button"
        class="btn btn-primary wide"
        onClick={() => model.signIn('login')}
        disabled={signingIn}
      >
        {signingIn ? 'Waiting for the sign-in window…' : `Sign in with ${model.providerName.value}`}
      </button>
      <button
        type="button"
        class="btn btn-link wide"
        onClick={() => model.signIn('login', true)}
        disabled={signingIn}
      >
        Use another account
      </button>
      {model.hasBalance.value ? (
        // Account creation is an AI Pass screen (`mode=signup`); other providers have their own.
        <button
          type="button"
          class="btn btn-link wide"
          onClick={() => model.signIn('signup')}
          disabled={signingIn}
        >
          Create an account
        </button>
      ) : null}
    </section>
  );
}
