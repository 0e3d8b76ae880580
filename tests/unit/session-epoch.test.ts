/** The order of session writes: one at a time, in call order, whatever each one awaits. */
import { describe, expect, it } from 'vitest';
import { advanceEpoch, exclusive, sessionEpoch } from '../../lib/auth/session-epoch';

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('session writes of one provider', () => {
  it('run one at a time in call order, even when the first waits longest', async () => {
    const order: string[] = [];
    const slow = deferred();
    const first = exclusive('p1', async () => {
      order.push('first starts');
      await slow.promise;
      order.push('first ends');
    });
    const second = exclusive('p1', async () => {
      order.push('second');
    });
    const elsewhere = exclusive('p2', async () => {
      order.push('other provider');
    });
    await elsewhere;
    slow.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'other provider', 'first ends', 'second']);
  });

  it('go on after one of them fails, which its caller alone sees', async () => {
    const failing = exclusive('p3', async () => {
      throw new Error('storage full');
    });
    await expect(failing).rejects.toThrow('storage full');
    await expect(exclusive('p3', async () => 'next')).resolves.toBe('next');
  });

  it('see a new epoch at once, before anything is awaited', () => {
    const before = sessionEpoch('p4');
    const next = advanceEpoch('p4');
    expect(next).toBe(before + 1);
    expect(sessionEpoch('p4')).toBe(next);
    expect(sessionEpoch('p5')).toBe(0);
  });
});
