import { describe, expect, it } from 'vitest';
import {
  bearer,
  callApi,
  dataUrl,
  endsMidCharacter,
  eventually,
  makePng,
  rawRequest,
  signInForTokens,
  sseData,
  startTestGateway,
} from './helpers';

const question = (content: unknown) => ({
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'Answer briefly.' },
    { role: 'user', content },
  ],
});

interface Completion {
  object: string;
  model: string;
  choices: { message: { role: string; content: string }; finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

async function completionText(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  const completion = (await response.json()) as Completion;
  return completion.choices[0]?.message.content ?? '';
}

describe('chat completions', () => {
  it('answers a deterministic, multi-sentence text with multi-byte characters and usage', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const response = await callApi(
      gateway,
      access_token,
      '/chat/completions',
      question('Why is the sky blue?'),
    );
    expect(response.status).toBe(200);
    const completion = (await response.json()) as Completion;
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ message: { role: 'assistant' }, finish_reason: 'stop' }],
    });
    expect(completion.usage.total_tokens).toBe(
      completion.usage.prompt_tokens + completion.usage.completion_tokens,
    );
    const text = completion.choices[0]?.message.content ?? '';
    expect(text).toContain('Why is the sky blue?');
    expect(text).toMatch(/Grüße/);
    expect(text).toContain('你好世界');
    expect(text).toContain('🚀🌍');
    expect(text.split('. ').length).toBeGreaterThan(2);
    const again = await callApi(
      gateway,
      access_token,
      '/chat/completions',
      question('Why is the sky blue?'),
    );
    expect(await completionText(again)).toBe(text);
  });

  it('streams SSE chunks that parse, end with [DONE], and split characters across network chunks', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const body = { ...question('Tell me about Zürich'), stream: true };
    const raw = await rawRequest(`${gateway.url}/oauth2/v1/chat/completions`, {
      method: 'POST',
      headers: { ...bearer(access_token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(raw.status).toBe(200);
    expect(raw.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(raw.chunks.some(endsMidCharacter)).toBe(true);

    const events = sseData(Buffer.concat(raw.chunks).toString('utf8'));
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((data) => JSON.parse(data));
    for (const chunk of chunks) expect(chunk.object).toBe('chat.completion.chunk');
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    const last = chunks.at(-1);
    expect(last.choices[0].finish_reason).toBe('stop');
    expect(last.usage.completion_tokens).toBeGreaterThan(0);
    const deltas = chunks.map((chunk) => chunk.choices[0].delta.content ?? '');
    expect(deltas.filter(Boolean).length).toBeGreaterThan(20);
    expect(
      Math.max(...deltas.map((delta: string) => Array.from(delta).length)),
    ).toBeLessThanOrEqual(8);

    const whole = await callApi(
      gateway,
      access_token,
      '/chat/completions',
      question('Tell me about Zürich'),
    );
    expect(deltas.join('')).toBe(await completionText(whole));
  });

  it('records that a client stopped a stream, and bills only what was sent', async () => {
    const gateway = await startTestGateway({ paceMs: 15 });
    const { access_token } = await signInForTokens(gateway);
    const controller = new AbortController();
    const response = await fetch(`${gateway.url}/oauth2/v1/chat/completions`, {
      method: 'POST',
      headers: { ...bearer(access_token), 'content-type': 'application/json' },
      body: JSON.stringify({ ...question('Stop me'), stream: true }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    await reader?.read();
    await reader?.read();
    controller.abort();
    const chatRecord = () =>
      gateway.control.requests().find((request) => request.path === '/oauth2/v1/chat/completions');
    await eventually(() => chatRecord()?.finishedAt != null);
    expect(chatRecord()).toMatchObject({ aborted: true, status: 200 });
    // The stream notices the close at its next pause, then bills: wait for the charge.
    await eventually(() => gateway.control.getUsage().totalCost > 0);
    const full = 0.001 + 0.00002 * 200;
    const { totalCost } = gateway.control.getUsage();
    expect(totalCost).toBeGreaterThanOrEqual(0.001);
    expect(totalCost).toBeLessThan(full);
  });

  it('uses exactly the text set with setReply', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    gateway.control.setReply('<img src=x onerror=alert(1)> **bold**');
    const response = await callApi(
      gateway,
      access_token,
      '/chat/completions',
      question('anything'),
    );
    expect(await completionText(response)).toBe('<img src=x onerror=alert(1)> **bold**');
    gateway.control.setReply(null);
    const normal = await callApi(gateway, access_token, '/chat/completions', question('anything'));
    expect(await completionText(normal)).toContain('你好世界');
  });
});

describe('vision', () => {
  it('states the real format, size and byte count of each image, and records them', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const small = makePng(64, 48);
    const large = makePng(640, 480);
    const response = await callApi(
      gateway,
      access_token,
      '/chat/completions',
      question([
        { type: 'text', text: 'What is in these images?' },
        { type: 'image_url', image_url: { url: dataUrl('image/png', small) } },
        { type: 'image_url', image_url: { url: dataUrl('image/png', large), detail: 'low' } },
      ]),
    );
    const text = await completionText(response);
    expect(text).toContain(`Image received: png 64x48, ${small.length} bytes.`);
    expect(text).toContain(`Image received: png 640x480, ${large.length} bytes.`);
    const record = gateway.control
      .requests()
      .find((request) => request.path.endsWith('/chat/completions'));
    expect(record?.images).toEqual([
      { format: 'png', width: 64, height: 48, bytes: small.length },
      { format: 'png', width: 640, height: 480, bytes: large.length },
    ]);
  });

  it.each([
    ['a remote URL', 'https://example.test/cat.png', 400],
    ['an unsupported format', dataUrl('image/bmp', Buffer.from('424d000000000000', 'hex')), 400],
    ['bytes that are no image', dataUrl('image/png', Buffer.from('hello, not a picture')), 400],
    ['a PNG declared as JPEG', dataUrl('image/jpeg', makePng(4, 4)), 400],
    [
      'an image over 20 MB',
      dataUrl('image/png', Buffer.concat([makePng(4, 4), Buffer.alloc(20 * 1024 * 1024)])),
      413,
    ],
  ])('refuses %s', async (_, url, status) => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const response = await callApi(
      gateway,
      access_token,
      '/chat/completions',
      question([{ type: 'image_url', image_url: { url } }]),
    );
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(gateway.control.getUsage().totalCost).toBe(0);
  });
});

describe('models and the allowlist', () => {
  it('lists models as an array of ids by default, OpenAI-style on request', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const list = async () =>
      (await fetch(`${gateway.url}/oauth2/v1/models`, { headers: bearer(access_token) })).json();
    const ids = (await list()) as string[];
    expect(ids).toEqual(
      expect.arrayContaining([
        'gpt-4o-mini',
        'claude-sonnet-4-5',
        'gemini/gemini-2.5-flash',
        'tts-1',
        'whisper-1',
        'text-embedding-3-small',
        'fal_ai/flux/dev',
        'fal_ai/flux-kontext/dev/edit',
        'veo-3',
        'sora-2',
      ]),
    );
    gateway.control.setModelsShape('openai');
    const openai = (await list()) as { object: string; data: { id: string; object: string }[] };
    expect(openai.object).toBe('list');
    expect(openai.data.map((model) => model.id)).toEqual(ids);
    const one = await fetch(`${gateway.url}/oauth2/v1/models/fal_ai/flux-kontext/dev/edit`, {
      headers: bearer(access_token),
    });
    expect(await one.json()).toMatchObject({ id: 'fal_ai/flux-kontext/dev/edit', object: 'model' });
  });

  it('holds a chat model to its context, prompt and max_tokens together, as OpenAI does', async () => {
    const gateway = await startTestGateway({ modelsShape: 'openrouter' });
    const { access_token } = await signInForTokens(gateway);
    const listed = async () =>
      (
        (await (
          await fetch(`${gateway.url}/oauth2/v1/models`, { headers: bearer(access_token) })
        ).json()) as { data: { id: string; context_length?: number }[] }
      ).data;
    expect(
      (await listed()).find((m) => m.id === 'anthropic/claude-3.5-haiku')?.context_length,
    ).toBe(200_000);
    expect((await listed()).find((m) => m.id === 'openai/tts-1')?.context_length).toBeUndefined();

    gateway.control.setContextLength(4_096);
    expect((await listed()).find((m) => m.id === 'openai/gpt-4o-mini')?.context_length).toBe(4_096);
    const ask = (text: string, maxTokens: number) =>
      callApi(gateway, access_token, '/chat/completions', {
        ...question(text),
        model: 'openai/gpt-4o-mini',
        max_tokens: maxTokens,
      });
    // About 2,000 tokens of prompt: fits with a 2,000-token answer, not with a 3,000-token one.
    const prompt = 'w'.repeat(7_900);
    expect(await completionText(await ask(prompt, 2_000))).not.toBe('');
    const refused = await ask(prompt, 3_000);
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: { message: string; code: string } };
    expect(error.code).toBe('context_length_exceeded');
    expect(error.message).toMatch(/^This model's maximum context length is 4096 tokens\./);

    gateway.control.setContextLength(null);
    expect((await ask(prompt, 3_000)).status).toBe(200);
  });

  it('lists vendor/model ids with OpenRouter architecture data or bare, and serves them', async () => {
    const gateway = await startTestGateway({ modelsShape: 'openrouter' });
    const { access_token } = await signInForTokens(gateway);
    const list = async () =>
      (await (
        await fetch(`${gateway.url}/oauth2/v1/models`, { headers: bearer(access_token) })
      ).json()) as { data: { id: string; architecture?: { input_modalities: string[] } }[] };
    const openRouter = await list();
    expect(openRouter.data.find((m) => m.id === 'openai/gpt-4o-mini')?.architecture).toEqual({
      input_modalities: ['text', 'image'],
      output_modalities: ['text'],
      tokenizer: 'Other',
    });
    expect(
      openRouter.data.find((m) => m.id === 'meta-llama/llama-3.3-70b-instruct')?.architecture
        ?.input_modalities,
    ).toEqual(['text']);
    gateway.control.setModelsShape('vendor-ids');
    const bare = await list();
    expect(bare.data).toContainEqual({ id: 'openai/text-embedding-3-small' });
    expect(bare.data.every((m) => m.architecture === undefined)).toBe(true);

    const answer = await callApi(gateway, access_token, '/chat/completions', {
      ...question('hi'),
      model: 'anthropic/claude-3.5-haiku',
    });
    expect(await completionText(answer)).toContain('hi');
    const image = [{ type: 'image_url', image_url: { url: dataUrl('image/png', makePng(4, 4)) } }];
    const refused = await callApi(gateway, access_token, '/chat/completions', {
      ...question(image),
      model: 'meta-llama/llama-3.3-70b-instruct',
    });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      'No endpoints found that support image input',
    );
    expect(() => gateway.control.setModelsShape('xml' as 'array')).toThrow(/vendor-ids/);
  });

  it('answers an unknown model with LiteLLM’s 400, and a model of the wrong kind with 400', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    const unknown = await callApi(gateway, access_token, '/chat/completions', {
      ...question('hi'),
      model: 'gpt-9000',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      error: {
        message: 'Invalid model name passed in model=gpt-9000',
        type: 'invalid_request_error',
        param: null,
        code: '400',
      },
    });
    const wrongKind = await callApi(gateway, access_token, '/chat/completions', {
      ...question('hi'),
      model: 'tts-1',
    });
    expect(wrongKind.status).toBe(400);
  });

  it('answers 404 outside the allowlist', async () => {
    const gateway = await startTestGateway();
    const { access_token } = await signInForTokens(gateway);
    for (const path of ['/responses', '/completions', '/files', '/fine_tuning/jobs']) {
      const response = await callApi(gateway, access_token, path, {});
      expect(response.status).toBe(404);
    }
  });

  it('refuses a bad token with an OpenAI-style 401, and a token without api:access with 403', async () => {
    const gateway = await startTestGateway();
    const bad = await callApi(gateway, 'forged', '/chat/completions', question('hi'));
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const body = (await bad.json()) as { error: { message: string; type: string; code: string } };
    expect(body.error).toMatchObject({ type: expect.any(String), code: '401' });
    const { access_token } = await signInForTokens(gateway, { scope: 'profile:read' });
    const noScope = await callApi(gateway, access_token, '/chat/completions', question('hi'));
    expect(noScope.status).toBe(403);
  });
});
