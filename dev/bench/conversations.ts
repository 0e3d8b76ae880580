/**
 * Long histories in the side panel: opening a conversation of 5,000 messages (click → its last
 * message on screen) and searching 1,000 conversations of 20 messages (a word typed → the one
 * conversation that has it listed). Both seeded straight into the panel's store.
 */
import type { Page } from '@playwright/test';
import { type BenchBrowser, median } from './browser';

const RUNS = 7;

async function seed(panel: Page): Promise<void> {
  await panel.evaluate(async () => {
    const { passlightTest } = globalThis as unknown as {
      passlightTest: {
        chatStore: { importAll(account: object, entries: object[]): Promise<number> };
      };
    };
    const status = (await chrome.storage.session.get('auth.status'))['auth.status'] as {
      provider: { id: string };
      user: { sub: string };
    };
    const account = { provider: status.provider.id, sub: status.user.sub };
    const conversation = (
      id: string,
      title: string,
      count: number,
      text: (i: number) => string,
    ) => ({
      conversation: { id, title, createdAt: 1, updatedAt: 2 },
      messages: Array.from({ length: count }, (_, i) => ({
        id: `${id}-${i}`,
        conversationId: id,
        role: i % 2 === 0 ? 'user' : 'assistant',
        text: text(i),
        status: 'complete',
        createdAt: 1_000 + i,
      })),
    });
    const many = Array.from({ length: 1_000 }, (_, c) =>
      conversation(`c${c}`, `Conversation ${c}`, 20, (i) =>
        c === 500 && i === 13
          ? 'An answer about the quasiperiodic tiling.'
          : `Question or answer ${i} about light, glass and water, number ${c}.`,
      ),
    );
    await passlightTest.chatStore.importAll(account, [
      conversation('long', 'A very long one', 5_000, (i) => `Message ${i}`),
      ...many,
    ]);
  });
}

/** Click on the long conversation in the open drawer → its last message on screen, in ms. */
function timeOpening(panel: Page): Promise<number> {
  return panel.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        const button = [...document.querySelectorAll<HTMLElement>('.conversation-open')].find(
          (candidate) => candidate.textContent?.includes('A very long one'),
        );
        button?.click();
        const check = () =>
          [...document.querySelectorAll('.markdown')].some(
            (m) => m.textContent?.trim() === 'Message 4999',
          )
            ? resolve(performance.now() - start)
            : requestAnimationFrame(check);
        check();
      }),
  );
}

/** A word typed in the drawer's search box → the one conversation holding it listed, in ms. */
function timeSearching(panel: Page): Promise<number> {
  return panel.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        const box = document.getElementById('conversation-search') as HTMLInputElement;
        box.value = 'quasiperiodic';
        box.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => {
          const titles = document.querySelectorAll('.conversation-title');
          if (titles.length === 1 && titles[0]?.textContent?.trim() === 'Conversation 500')
            resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

export async function measureConversations(
  bench: BenchBrowser,
): Promise<{ openMs: number; searchMs: number }> {
  const seeding = await bench.open('sidepanel.html');
  await seeding.getByLabel('Model').waitFor();
  await seed(seeding);
  await seeding.close();

  const opens: number[] = [];
  const searches: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A panel reopens the conversation open last: this one must open it on the click.
    await bench.worker.evaluate(() => chrome.storage.local.remove('chat.lastConversation'));
    const panel = await bench.open('sidepanel.html');
    await panel.getByRole('button', { name: 'Conversations' }).click();
    await panel.locator('.conversation-open', { hasText: 'A very long one' }).waitFor();
    opens.push(await timeOpening(panel));
    await panel.getByRole('button', { name: 'Conversations' }).click();
    await panel.locator('.conversation-open').first().waitFor();
    searches.push(await timeSearching(panel));
    await panel.close();
  }
  return { openMs: median(opens), searchMs: median(searches) };
}
