import { useSignal } from '@preact/signals';
import { accountOf } from '../../lib/chat/records';
import { popupText } from '../../lib/i18n/messages/popup';
import { BalanceCard } from './BalanceCard';
import type { PopupModel } from './model';

/** Deletes the account's conversations here, then signs out: for a shared computer. */
async function signOutAndForget(model: PopupModel): Promise<void> {
  const account = accountOf(model.status.peek());
  if (account) {
    // Loaded on this click only: the popup's first paint does not need the database.
    const [{ openChatStore }, { createChatSync }] = await Promise.all([
      import('../../lib/chat/store'),
      import('../../lib/chat/sync'),
    ]);
    const sync = createChatSync();
    try {
      await openChatStore({ announce: sync.announce }).deleteAllConversations(account);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      model.notice.value = { kind: 'error', words: () => popupText('stillSignedIn', { reason }) };
      return;
    } finally {
      sync.close();
    }
  }
  await model.signOut();
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}

export function AccountView({ model }: { model: PopupModel }) {
  const sharedComputer = useSignal(false);
  const user = model.user.value;
  if (!user) return null;
  return (
    <>
      <section class="card account" aria-label={popupText('account')}>
        <span class="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <div class="account-text">
          <strong class="account-name">{user.name}</strong>
          <span class="muted account-email">{user.email}</span>
          {model.hasBalance.value ? null : (
            <span class="muted account-provider">
              {popupText('signedInWith', { provider: model.providerName.value })}
            </span>
          )}
        </div>
      </section>
      {model.hasBalance.value ? <BalanceCard model={model} /> : null}
      <nav class="actions" aria-label={popupText('actions')}>
        <button type="button" class="btn btn-primary wide" onClick={model.openSidePanel}>
          {popupText('openSidePanel')}
        </button>
        <div class="actions-row">
          {model.hasBalance.value ? (
            <button type="button" class="btn" onClick={model.manageAccount}>
              {popupText('manageAccount')}
            </button>
          ) : null}
          <button
            type="button"
            class="btn"
            onClick={model.signOut}
            disabled={model.busy.value === 'signing-out'}
          >
            {popupText(model.busy.value === 'signing-out' ? 'signingOut' : 'signOut')}
          </button>
        </div>
        {/* Offered on request: the plain Sign out stays the one obvious button. */}
        {sharedComputer.value ? (
          <button
            type="button"
            class="btn-link"
            onClick={() => void signOutAndForget(model)}
            disabled={model.busy.value === 'signing-out'}
            // The name is in the accessible name only: the account card above already shows it.
            aria-label={popupText('signOutAndForgetOf', { name: user.name })}
          >
            {popupText('signOutAndForget')}
          </button>
        ) : (
          <button
            type="button"
            class="btn-link"
            aria-expanded={false}
            onClick={() => (sharedComputer.value = true)}
          >
            {popupText('sharedComputer')}
          </button>
        )}
      </nav>
    </>
  );
}
