import { describe, expect, it } from 'vitest';
import { apiErrorFrom } from '../../lib/api/errors';

const noHeaders = new Headers();
const aipass = { name: 'AI Pass', hasBalance: true };

describe('API error mapping', () => {
  it('recognises AI Pass budget errors (LiteLLM shape, status 400)', () => {
    const error = apiErrorFrom(
      400,
      noHeaders,
      {
        error: {
          message: 'Budget has been exceeded! Current cost: 10.2, Max budget: 10',
          type: 'budget_exceeded',
        },
      },
      aipass,
    );
    expect(error.code).toBe('budget-exhausted');
    expect(error.message).toContain('Add credit');
  });

  it('reads Retry-After in seconds and as a date', () => {
    const seconds = apiErrorFrom(429, new Headers({ 'retry-after': '7' }), null, aipass);
    expect(seconds).toMatchObject({ code: 'rate-limited', retryAfterSeconds: 7 });
    expect(seconds.message).toContain('7 s');
    const date = apiErrorFrom(
      429,
      new Headers({ 'retry-after': new Date(Date.now() + 30_000).toUTCString() }),
      null,
      aipass,
    );
    expect(date.retryAfterSeconds).toBeGreaterThanOrEqual(28);
  });

  it('tells an unknown model from other bad requests', () => {
    expect(
      apiErrorFrom(
        400,
        noHeaders,
        {
          error: { message: 'Invalid model name passed in model=nope' },
        },
        aipass,
      ).code,
    ).toBe('model-unavailable');
    expect(
      apiErrorFrom(400, noHeaders, { success: false, message: 'Minimum amount is 0.50' }, aipass),
    ).toMatchObject({
      code: 'bad-request',
      message: 'Minimum amount is 0.50',
    });
  });

  it('tells a conversation too long for the model, in the words gateways use', () => {
    const openai = {
      error: {
        message:
          "This model's maximum context length is 4096 tokens. However, your messages resulted in 5210 tokens.",
        type: 'invalid_request_error',
        code: 'context_length_exceeded',
      },
    };
    const anthropic = {
      error: {
        type: 'invalid_request_error',
        message: 'prompt is too long: 210000 tokens > 200000 maximum',
      },
    };
    for (const body of [openai, anthropic]) {
      const error = apiErrorFrom(400, noHeaders, body, aipass);
      expect(error.code).toBe('context-too-long');
      expect(error.message).toContain('Retry sends less');
    }
    // A server failure that mentions tokens is still a server failure.
    expect(apiErrorFrom(503, noHeaders, openai, aipass).code).toBe('server');
    expect(
      apiErrorFrom(400, noHeaders, { error: { message: 'temperature must be ≤ 2' } }, aipass).code,
    ).toBe('bad-request');
  });

  it('maps 401/403 to signed out and 5xx to a server error', () => {
    expect(apiErrorFrom(401, noHeaders, { error: 'invalid_token' }, aipass).code).toBe(
      'signed-out',
    );
    expect(apiErrorFrom(403, noHeaders, { error: 'insufficient_scope' }, aipass).code).toBe(
      'signed-out',
    );
    expect(apiErrorFrom(502, noHeaders, 'not json', aipass).code).toBe('server');
  });

  it('names the provider that answered, and offers credit only where it can be added', () => {
    const stats = { name: 'AI Stats', hasBalance: false };
    expect(apiErrorFrom(429, new Headers({ 'retry-after': '3' }), null, stats).message).toBe(
      'AI Stats is receiving too many requests. Try again in 3 s.',
    );
    expect(apiErrorFrom(402, noHeaders, null, stats).message).toBe(
      'Your AI Stats budget is used up. Add credit there to continue.',
    );
    expect(apiErrorFrom(402, noHeaders, null, aipass).message).toBe(
      'Your AI Pass balance is used up. Add credit to continue.',
    );
    expect(apiErrorFrom(503, noHeaders, null, stats).message).toContain('AI Stats had a problem');
  });
});
