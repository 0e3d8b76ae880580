/**
 * The popup's state and actions, apart from its markup: signals in, messages and API calls out.
 */
import { computed, signal } from '@preact/signals';
import {
  type CachedBalance,
  cachedBalance,
  isFresh,
  markBalanceStale,
  refreshBalance,
} from '../../lib/account/balance';
import { type AuthStatus, accountKey, authStatus, providerNameOf } from '../../lib/auth/status';
import type { Words } from '../../lib/i18n/define';
import { popupText } from '../../lib/i18n/messages/popup';
import { lazy } from '../../lib/markdown/lazy';
import { sendMessageLater } from '../../lib/send-message-later';

export type Notice = { kind: 'error' | 'info'; words: Words } | null;

/** The extension API (the polyfill) comes after first paint: every use of it here is a click. */
const extensionApi = () => import('wxt/browser').then(({ browser }) => browser);

export function createPopupModel() {
  const status = signal<AuthStatus | null>(null);
  const busy = signal<'signing-in' | 'signing-out' | 'checkout' | null>(null);
  const notice = signal<Notice>(null);
  const balance = signal<CachedBalance | null>(null);
  const balanceLoading = signal(false);
  const balanceError = signal<Words | null>(null);
  // Prepared as the popup opens, so that a click opens the panel synchronously, as browsers ask.
  const sidePanelOpener = lazy(() =>
    import('../../lib/side-panel').then(({ prepareSidePanelOpener }) => prepareSidePanelOpener()),
  );
  sidePanelOpener.now();

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
    balanceError.value = null;
    try {
      balance.value = await refreshBalance(current.user.sub);
    } catch (error) {
      const { ApiError } = await import('../../lib/api/errors'); // here since the API came
      const message = error instanceof ApiError ? error.message : null;
      balanceError.value = message ? () => message : () => popupText('balanceFailed');
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
    const result = await sendMessageLater('auth.signIn', { mode, anotherAccount });
    busy.value = null;
    if (!result.ok && result.code !== 'cancelled') {
      const { message } = result;
      notice.value = { kind: 'error', words: () => message };
    }
  }

  async function signOut(): Promise<void> {
    busy.value = 'signing-out';
    const result = await sendMessageLater('auth.signOut', {});
    busy.value = null;
    if (!result.ok) {
      const { message } = result;
      notice.value = { kind: 'error', words: () => message };
    }
  }

  async function addCredit(amount: number): Promise<void> {
    busy.value = 'checkout';
    notice.value = null;
    try {
      const { createCheckoutSession } = await import('../../lib/api/account');
      const checkoutUrl = await createCheckoutSession(amount);
      await markBalanceStale();
      await (await extensionApi()).tabs.create({ url: checkoutUrl });
      window.close();
    } catch (error) {
      const { ApiError } = await import('../../lib/api/errors');
      const message = error instanceof ApiError ? error.message : null;
      notice.value = {
        kind: 'error',
        words: message ? () => message : () => popupText('checkoutFailed'),
      };
    } finally {
      busy.value = null;
    }
  }

  function openSidePanel(): void {
    const openSidePanelInWindow =
      sidePanelOpener.now() ?? (() => Promise.reject(new Error('Not ready yet.')));
    openSidePanelInWindow().then(
      () => window.close(),
      () => {
        notice.value = { kind: 'error', words: () => popupText('sidePanelFailed') };
      },
    );
  }

  function manageAccount(): void {
    const current = status.peek();
    // Only AI Pass has this dashboard; the button is shown for it alone.
    if (current?.signedIn && current.provider.hasBalance)
      void extensionApi().then((browser) =>
        browser.tabs.create({ url: `${current.provider.issuer}/panel/dashboard` }),
      );
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
    openSettings: () => extensionApi().then((browser) => browser.runtime.openOptionsPage()),
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
