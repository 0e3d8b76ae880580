import { describe, expect, it } from 'vitest';
import { bearer, callApi, signInForTokens, startTestGateway } from './helpers';

const chatBody = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello there' }] };

async function summary(gatewayUrl: string, token: string) {
  const response = await fetch(`${gatewayUrl}/api/v1/usage/me/summary`, { headers: bearer(token) });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    success: boolean;
    data: { totalCost: number; maxBudget: number; remainingBudget: number };
    timestamp: string;
  };
  expect(body.success).toBe(true);
  expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
  return body.data;
}

function createCheckout(gatewayUrl: string, token: string, amount: unknown) {
  return fetch(`${gatewayUrl}/api/v1/payment/create-checkout-session`, {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({ amount }),
  });
}

describe('billing', () => {
  it('charges each successful call and reports the truth', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    expect(await summary(gateway.url, access_token)).toEqual({
      totalCost: 0,
      maxBudget: 10,
      remainingBudget: 10,
    });
    const response = await callApi(gateway, access_token, '/chat/completions', chatBody);
    const completion = (await response.json()) as { choices: { message: { content: string } }[] };
    const characters = completion.choices[0]?.message.content.length ?? 0;
    const expected = Number((0.001 + 0.00002 * characters).toFixed(6));
    const after = await summary(gateway.url, access_token);
    expect(after.totalCost).toBe(expected);
    expect(after.remainingBudget).toBe(Number((10 - expected).toFixed(6)));
    expect(after).toEqual(gateway.control.getUsage());
    // Failed calls cost nothing.
    await callApi(gateway, access_token, '/chat/completions', { ...chatBody, model: 'nope' });
    expect((await summary(gateway.url, access_token)).totalCost).toBe(expected);
  });

  it('refuses calls once the budget is spent, and a checkout adds credit once', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    gateway.control.setBudget({ maxBudget: 1, totalCost: 1 });

    const refused = await callApi(gateway, access_token, '/chat/completions', chatBody);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: {
        message: 'Budget has been exceeded! Current cost: 1, Max budget: 1',
        type: 'budget_exceeded',
        param: null,
        code: '400',
      },
    });
    expect(await summary(gateway.url, access_token)).toEqual({
      totalCost: 1,
      maxBudget: 1,
      remainingBudget: 0,
    });

    for (const amount of [0.49, '5', null]) {
      const bad = await createCheckout(gateway.url, access_token, amount);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ success: false, message: expect.any(String) });
    }
    const created = await createCheckout(gateway.url, access_token, 5);
    expect(created.status).toBe(200);
    const { data } = (await created.json()) as { data: { checkoutUrl: string; sessionId: string } };
    expect(data.checkoutUrl).toBe(`${gateway.url}/checkout/${data.sessionId}`);

    const page = await (await fetch(data.checkoutUrl)).text();
    expect(page).toContain('$5.00');
    expect(page).toMatch(/<button[^>]*>Pay<\/button>/);
    const paid = await fetch(data.checkoutUrl, { method: 'POST' });
    expect(await paid.text()).toContain('Payment complete — you can close this tab');
    expect(await summary(gateway.url, access_token)).toEqual({
      totalCost: 1,
      maxBudget: 6,
      remainingBudget: 5,
    });
    const payAgain = await fetch(data.checkoutUrl, { method: 'POST' });
    expect(payAgain.status).toBe(409);
    expect((await summary(gateway.url, access_token)).maxBudget).toBe(6);

    const allowed = await callApi(gateway, access_token, '/chat/completions', chatBody);
    expect(allowed.status).toBe(200);
  });

  it('answers the account API without a valid token in its envelope', async () => {
    const gateway = await startTestGateway();
    const response = await fetch(`${gateway.url}/api/v1/usage/me/summary`, {
      headers: bearer('forged'),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ success: false });
  });

  it('shows the dashboard page', async () => {
    const gateway = await startTestGateway();
    const response = await fetch(`${gateway.url}/panel/dashboard`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });
});
