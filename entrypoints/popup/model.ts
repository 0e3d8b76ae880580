/**
 * The popup's state and actions, apart from its markup: signals in, messages and API calls out.
 */
import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import {
  type CachedBalance,
  cachedBalance,
  isFresh,
  markBalanceStale,
  refreshBalance,
} from '../../lib/account/balance';
import { createCheckoutSession } from '../../lib/api/account';
import { ApiError } from '../../lib/api/errors';
import { type AuthStatus, accountKey, authStatus, providerNameOf } from '../../lib/auth/status';
import { popupText } from '../../lib/i18n/messages/popup';
import { sendMessage } from '../../lib/messages';
import { prepareSidePanelOpener } from '../../lib/side-panel';

export type Notice = { kind: 'error' | 'info'; text: string } | null;

export function createPopupModel() {
  const status = signal<AuthStatus | null>(null);
  const busy = signal<'signing-in' | 'signing-out' | 'checkout' | null>(null);
  const notice = signal<Notice>(null);
  const balance = signal<CachedBalance | null>(null);
  const balanceLoading = signal(false);
  const balanceError = signal('');
  const openSidePanelInWindow = prepareSidePanelOpener();

  const user = computed(() => (status.value?.signedIn ? status.value.user : null));
  /** Whether the provider in use has a balance (AI Pass does; other gateways may not). */
  const hasBalance = computed(() => status.value?.provider?.hasBalance ?? true);
  const providerName = computed(() => providerNameOf(status.value));

  async function loadBalance(force: boolean): Promise<void> {
    const current = status.peek();
    if (!current?.signedIn || !current.provider.hasBalance) return;
    const cached = await cachedBalance.getValue();
    if (cached?.accountId === current.user.sub) balance.value = cached;
    if (!force && isFresh(cached, current.user.sub, Date.now())) return;
    balanceLoading.value = true;
    balanceError.value = '';
    try {
      balance.value = await refreshBalance(current.user.sub);
    } catch (error) {
      balanceError.value = error instanceof ApiError ? error.message : popupText('balanceFailed');
    } finally {
      balanceLoading.value = false;
    }
  }

  function showStatus(next: AuthStatus): void {
    const before = status.peek();
    status.value = next;
    if (next.signedIn && accountKey(before) !== accountKey(next)) {
      notice.value = null;
      balance.value = null;
      void loadBalance(false);
    }
    if (!next.signedIn) balance.value = null;
  }

  /** Starts watching the session; returns the cleanup. */
  function start(): () => void {
    void authStatus.getValue().then(showStatus);
    return authStatus.watch(showStatus);
  }

  /** `anotherAccount`: the provider asks who is signing in, whoever it remembers. */
  async function signIn(mode: 'login' | 'signup', anotherAccount = false): Promise<void> {
    busy.value = 'signing-in';
    notice.value = null;
    // The popup may close while the sign-in window has focus; the worker finishes on its own.
    const result = await sendMessage('auth.signIn', { mode, anotherAccount });
    busy.value = null;
    if (!result.ok && result.code !== 'cancelled')
      notice.value = { kind: 'error', text: result.message };
  }

  async function signOut(): Promise<void> {
    busy.value = 'signing-out';
    const result = await sendMessage('auth.signOut', {});
    busy.value = null;
    if (!result.ok) notice.value = { kind: 'error', text: result.message };
  }

  async function addCredit(amount: number): Promise<void> {
    busy.value = 'checkout';
    notice.value = null;
    try {
      const checkoutUrl = await createCheckoutSession(amount);
      await markBalanceStale();
      await browser.tabs.create({ url: checkoutUrl });
      window.close();
    } catch (error) {
      notice.value = {
        kind: 'error',
        text: error instanceof ApiError ? error.message : popupText('checkoutFailed'),
      };
    } finally {
      busy.value = null;
    }
  }

  function openSidePanel(): void {
    openSidePanelInWindow().then(
      () => window.close(),
      () => {
        notice.value = {
          kind: 'error',
          text: popupText('sidePanelFailed'),
        };
      },
    );
  }

  function manageAccount(): void {
    const current = status.peek();
    // Only AI Pass has this dashboard; the button is shown for it alone.
    if (current?.signedIn && current.provider.hasBalance)
      void browser.tabs.create({ url: `${current.provider.issuer}/panel/dashboard` });
  }

  return {
    status,
    user,
    hasBalance,
    providerName,
    busy,
    notice,
    balance,
    balanceLoading,
    balanceError,
    start,
    signIn,
    signOut,
    refreshBalance: () => loadBalance(true),
    addCredit,
    openSidePanel,
    manageAccount,
    openSettings: () => browser.runtime.openOptionsPage(),
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
