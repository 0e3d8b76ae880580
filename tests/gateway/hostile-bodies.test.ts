import { describe, expect, it } from 'vitest';
import { eventually, startTestGateway } from './helpers';

describe('hostile bodies', () => {
  it('sends a gigabyte of JSON at the pace it is read, and stops when the client goes', async () => {
    const gateway = await startTestGateway();
    gateway.control.injectFault({ kind: 'hostile-body', body: 'gigabyte' });
    const response = await fetch(`${gateway.url}/oauth2/v1/models`);
    expect(response.headers.get('content-type')).toBe('application/json');
    const reader = response.body?.getReader();
    let read = 0;
    while (read < 4 * 1024 * 1024) read += (await reader?.read())?.value?.byteLength ?? 0;
    await reader?.cancel();
    const record = () => gateway.control.requests().find((r) => r.path === '/oauth2/v1/models');
    expect(record()?.fault).toBe('hostile body: gigabyte');
    await eventually(() => (record()?.finishedAt ?? null) !== null); // the connection closed
    const sent = record()?.bytesSent ?? 0;
    expect(sent).toBeGreaterThanOrEqual(read);
    expect(sent).toBeLessThan(64 * 1024 * 1024); // back-pressure: far from the whole gigabyte
  });

  it('sends an SSE line that never ends', async () => {
    const gateway = await startTestGateway();
    gateway.control.injectFault({ kind: 'hostile-body', body: 'endless-line' });
    const response = await fetch(`${gateway.url}/oauth2/v1/chat/completions`, { method: 'POST' });
    const reader = response.body?.getReader();
    let text = '';
    while (text.length < 100_000) text += new TextDecoder().decode((await reader?.read())?.value);
    await reader?.cancel();
    expect(text.startsWith('data: xxxx')).toBe(true);
    expect(text).not.toContain('\n');
  });

  it('refuses an unknown hostile body', async () => {
    const gateway = await startTestGateway();
    expect(() =>
      gateway.control.injectFault({ kind: 'hostile-body', body: 'nonsense' as 'gigabyte' }),
    ).toThrow(/body must be one of/);
  });
});
