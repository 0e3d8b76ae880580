import { BalanceCard } from './BalanceCard';
import type { PopupModel } from './model';

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}

export function AccountView({ model }: { model: PopupModel }) {
  const user = model.user.value;
  if (!user) return null;
  return (
    <>
      <section class="card account" aria-label="Account">
        <span class="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <div class="account-text">
          <strong class="account-name">{user.name}</strong>
          <span class="muted account-email">{user.email}</span>
          {model.hasBalance.value ? null : (
            <span class="muted account-provider">Signed in with {model.providerName}</span>
          )}
        </div>
      </section>
      {model.hasBalance.value ? <BalanceCard model={model} /> : null}
      <nav class="actions" aria-label="Actions">
        <button type="button" class="btn btn-primary wide" onClick={model.openSidePanel}>
          Open side panel
        </button>
        <div class="actions-row">
          {model.hasBalance.value ? (
            <button type="button" class="btn" onClick={model.manageAccount}>
              Manage account
            </button>
          ) : null}
          <button
            type="button"
            class="btn"
            onClick={model.signOut}
            disabled={model.busy.value === 'signing-out'}
          >
            {model.busy.value === 'signing-out' ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </nav>
    </>
  );
}
