import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { guarded } from '../../lib/messaging/sender';

const page = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });

describe('the sender guard', () => {
  it("runs the handler for the extension's own pages and refuses everyone else", () => {
    const calls: string[] = [];
    const handler = guarded(({ data }: { sender: { id?: string; url?: string }; data: string }) => {
      calls.push(data);
      return 'done';
    }, 'refused');
    expect(handler({ sender: page(), data: 'own page' })).toBe('done');
    // A content script: our id, but the web page's address.
    expect(
      handler({ sender: { id: browser.runtime.id, url: 'https://evil.example/' }, data: 'cs' }),
    ).toBe('refused');
    expect(handler({ sender: { id: 'another-extension', url: page().url }, data: 'other' })).toBe(
      'refused',
    );
    expect(handler({ sender: {}, data: 'nobody' })).toBe('refused');
    expect(calls).toEqual(['own page']);
  });

  it('takes a narrower test of the sender', () => {
    const offscreenOnly = guarded(
      (_message: { sender: { id?: string; url?: string } }) => 'played',
      undefined,
      (sender) => sender.url === browser.runtime.getURL('/offscreen.html'),
    );
    expect(offscreenOnly({ sender: page() })).toBeUndefined();
    expect(
      offscreenOnly({
        sender: { id: browser.runtime.id, url: browser.runtime.getURL('/offscreen.html') },
      }),
    ).toBe('played');
  });
});
