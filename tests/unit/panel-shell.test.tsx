/**
 * The side panel's index.html paints a frame before any script runs; the app draws the same
 * boxes (PanelFrame.tsx) until the account is known. Kept alike here, so the frame cannot drift
 * from the app and make the panel jump when it takes over. The frame carries no words: the
 * language is known only to script.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { type ComponentChild, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Icon } from '../../components/Icon';
import { ComposerFrame, ToolbarFrame } from '../../entrypoints/sidepanel/PanelFrame';

const SHELL = path.resolve(import.meta.dirname, '../../entrypoints/sidepanel/index.html');

/** An element as tag, attributes (sorted, boolean ones as present) and children, text aside. */
type Shape = [string, string[], Shape[]];
function shape(element: Element): Shape {
  const attributes = [...element.attributes]
    .map(({ name, value }) => `${name.toLowerCase()}=${value === name ? '' : value}`)
    .sort();
  return [element.tagName.toLowerCase(), attributes, [...element.children].map(shape)];
}

async function shell(): Promise<Document> {
  return parseHTML(await readFile(SHELL, 'utf8')).document;
}

function rendered(doc: Document, vnode: ComponentChild): Element {
  const holder = doc.createElement('div');
  render(vnode, holder);
  return holder.firstElementChild as Element;
}

describe('the side panel shell', () => {
  it('draws the picker and composer boxes exactly as the app does before the account is known', async () => {
    const doc = await shell();
    const toolbar = doc.querySelector('#app .toolbar') as Element;
    const composer = doc.querySelector('#app .composer') as Element;
    expect(shape(toolbar)).toEqual(shape(rendered(doc, <ToolbarFrame />)));
    expect(shape(composer)).toEqual(shape(rendered(doc, <ComposerFrame />)));
  });

  it("draws the header's buttons with the app's icons", async () => {
    const doc = await shell();
    const icons = [...doc.querySelectorAll('#app .brand-actions svg')].map(shape);
    expect(icons).toEqual([
      shape(rendered(doc, <Icon name="menu" />)),
      shape(rendered(doc, <Icon name="plus" />)),
    ]);
  });

  it('carries no words and nothing to focus, and is hidden from assistive technology', async () => {
    const doc = await shell();
    const frame = doc.querySelector('#app > .panel') as Element;
    expect(frame.getAttribute('aria-hidden')).toBe('true');
    expect(frame.textContent?.trim()).toBe('');
    expect(frame.querySelectorAll('button, a, input, [tabindex="0"]')).toHaveLength(0);
    for (const control of frame.querySelectorAll('select, textarea'))
      expect(control.hasAttribute('disabled')).toBe(true);
  });
});
