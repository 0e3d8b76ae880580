import { useSignal } from '@preact/signals';
import { Icon } from '../../components/Icon';
import { formatDollars, isLowBalance } from '../../lib/account/money';
import { popupText } from '../../lib/i18n/messages/popup';
import type { PopupModel } from './model';

const TOP_UP_AMOUNTS = [5, 10, 20, 50] as const;

/** The balance against the budget. Its size never changes between loading and loaded. */
export function BalanceCard({ model }: { model: PopupModel }) {
  const amount = useSignal<number>(TOP_UP_AMOUNTS[1]);
  const cached = model.balance.value;
  const summary = cached?.summary;
  const used =
    summary && summary.maxBudget > 0 ? Math.min(1, summary.totalCost / summary.maxBudget) : 0;
  const low = summary ? isLowBalance(summary.remainingBudget, summary.maxBudget) : false;

  return (
    <section
      class="card balance"
      aria-labelledby="balance-title"
      aria-busy={model.balanceLoading.value}
    >
      <div class="balance-head">
        <h2 id="balance-title">{popupText('balance')}</h2>
        <button
          type="button"
          class="btn icon-btn"
          onClick={model.refreshBalance}
          disabled={model.balanceLoading.value}
          aria-label={popupText('refreshBalance')}
          title={popupText('refreshBalance')}
        >
          <Icon name="refresh" />
        </button>
      </div>
      {summary ? (
        <>
          <p class="balance-figure">
            <strong data-testid="remaining">{formatDollars(summary.remainingBudget)}</strong>
            <span class="muted">
              {' '}
              {popupText('leftOf', { budget: formatDollars(summary.maxBudget) })}
            </span>
          </p>
          {/* Decorative: the figures above say the same in words. */}
          <div class={low ? 'meter meter-low' : 'meter'} aria-hidden="true">
            <span style={{ width: `${used * 100}%` }} />
          </div>
          <p class="muted balance-spent">
            {popupText('spent', { amount: formatDollars(summary.totalCost) })}
          </p>
        </>
      ) : (
        <div class="balance-skeleton" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
      )}
      <p
        class={model.balanceError.value || low ? 'balance-note status-error' : 'balance-note muted'}
        role="status"
      >
        {model.balanceError.value?.() ||
          (summary && summary.remainingBudget <= 0
            ? popupText('usedUp')
            : low
              ? popupText('runningLow')
              : '')}
      </p>
      <div class="top-up">
        <label class="sr-only" for="top-up-amount">
          {popupText('amountToAdd')}
        </label>
        <select
          id="top-up-amount"
          value={String(amount.value)}
          onChange={(event) => {
            amount.value = Number(event.currentTarget.value);
          }}
        >
          {TOP_UP_AMOUNTS.map((value) => (
            <option key={value} value={String(value)}>
              {formatDollars(value)}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="btn"
          onClick={() => model.addCredit(amount.value)}
          disabled={model.busy.value === 'checkout'}
        >
          {popupText(model.busy.value === 'checkout' ? 'openingCheckout' : 'addCredit')}
        </button>
      </div>
    </section>
  );
}
