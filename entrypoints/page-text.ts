/**
 * Injected on demand (`scripting.executeScript`) into the page a person asked to summarize:
 * returns the page's main text, found by Readability, or all its visible text as a fallback.
 */
import { Readability } from '@mozilla/readability';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

export default defineUnlistedScript(() => {
  // Readability changes the document it reads: give it a copy.
  const article = new Readability(document.cloneNode(true) as Document).parse();
  const text =
    article?.textContent?.replace(/\n{3,}/g, '\n\n').trim() ||
    document.body?.innerText?.trim() ||
    '';
  return { title: document.title, text };
});
