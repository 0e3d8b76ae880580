/**
 * The pages a browser tab shows: the checkout that a top-up opens, and the account dashboard.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import { microsToDollars } from '../money';
import { sessionUser } from '../oauth/session';
import { html, sendErrorPage, sendPage } from '../pages/html';
import { credit, usageOf } from './ledger';

function formatDollars(dollars: number): string {
  return `$${dollars.toFixed(2)}`;
}

export function registerAccountPages(app: FastifyInstance, ctx: GatewayContext): void {
  app.get<{ Params: { id: string } }>('/checkout/:id', async (request, reply) => {
    const checkout = ctx.state.checkouts.get(request.params.id);
    const user = checkout && ctx.state.users.get(checkout.userId);
    if (!checkout || !user) {
      return sendErrorPage(
        reply,
        404,
        'Checkout not found',
        'This checkout session does not exist.',
      );
    }
    if (checkout.paid) {
      return sendPage(
        reply,
        200,
        'Already paid',
        html`<h1>Already paid</h1><p>This checkout session was paid. You can close this tab.</p>`,
      );
    }
    const amount = formatDollars(microsToDollars(checkout.amountMicros));
    return sendPage(
      reply,
      200,
      'Add credit',
      html`<h1>Add ${amount} to your balance</h1>
<p>Account: <strong>${user.email}</strong></p>
<p class="muted">A local test checkout: no real payment is made.</p>
<form method="post" action="/checkout/${request.params.id}">
  <div class="buttons"><button type="submit" class="primary">Pay</button></div>
</form>`,
    );
  });

  app.post<{ Params: { id: string } }>('/checkout/:id', async (request, reply) => {
    const checkout = ctx.state.checkouts.get(request.params.id);
    const user = checkout && ctx.state.users.get(checkout.userId);
    if (!checkout || !user) {
      return sendErrorPage(
        reply,
        404,
        'Checkout not found',
        'This checkout session does not exist.',
      );
    }
    if (checkout.paid) {
      return sendErrorPage(reply, 409, 'Already paid', 'This checkout session was already paid.');
    }
    checkout.paid = true;
    credit(user, checkout.amountMicros);
    const balance = formatDollars(usageOf(user).remainingBudget);
    return sendPage(
      reply,
      200,
      'Payment complete',
      html`<h1>Payment complete — you can close this tab</h1><p>Your balance is now ${balance}.</p>`,
    );
  });

  app.get('/panel/dashboard', async (request, reply) => {
    const user = sessionUser(request, ctx.state);
    if (!user) {
      return sendPage(
        reply,
        200,
        'AI Pass dashboard',
        html`<h1>Your AI Pass account</h1><p>Sign in from an app to see your account here.</p>`,
      );
    }
    const usage = usageOf(user);
    return sendPage(
      reply,
      200,
      'AI Pass dashboard',
      html`<h1>Your AI Pass account</h1>
<p><strong>${user.name}</strong><br><span class="muted">${user.email}</span></p>
<ul>
  <li>Balance: ${formatDollars(usage.remainingBudget)}</li>
  <li>Spent: ${formatDollars(usage.totalCost)} of ${formatDollars(usage.maxBudget)}</li>
</ul>`,
    );
  });
}
