/**
 * Shows a growing markdown answer in a container: each finished block is rendered once and
 * appended, the unfinished tail is rendered again at most once per animation frame.
 *
 * Finished blocks go into small groups, so that adding one lays out a group of a few dozen
 * elements rather than the whole answer: the cost per chunk stays flat as the answer grows.
 */
import { BlockSplitter } from './block-splitter';
import { renderMarkdown } from './render';

const BLOCKS_PER_GROUP = 32;

export class StreamingMarkdownView {
  private splitter = new BlockSplitter();
  private readonly done: HTMLElement;
  private readonly live: HTMLElement;
  private group: HTMLElement | null = null;
  private text = '';
  /** Length of the text handed to the splitter. Lengths, not strings, are compared: O(1). */
  private consumed = 0;
  private frame = 0;

  constructor(container: HTMLElement) {
    this.done = document.createElement('div');
    this.live = document.createElement('div');
    this.live.className = 'md-live';
    container.append(this.done, this.live);
  }

  /** The whole answer so far; rendering happens on the next frame. */
  setText(text: string): void {
    if (!this.continues(text)) this.reset();
    this.text = text;
    this.frame ||= requestAnimationFrame(() => this.flush());
  }

  /** Renders what is pending now, without waiting for a frame (a finished answer, a test). */
  flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.text.length === this.consumed) return;
    const { finished, tail } = this.splitter.append(this.text.slice(this.consumed));
    this.consumed = this.text.length;
    for (const block of finished) this.appendBlock(block);
    this.live.innerHTML = renderMarkdown(tail); // markdown-it output: raw HTML already escaped.
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
  }

  private appendBlock(block: string): void {
    if (!this.group || this.group.childElementCount >= BLOCKS_PER_GROUP) {
      this.group = document.createElement('div');
      this.group.className = 'md-group';
      this.done.append(this.group);
    }
    const element = document.createElement('div');
    element.className = 'md-block';
    element.innerHTML = renderMarkdown(block); // markdown-it output: raw HTML already escaped.
    this.group.append(element);
  }

  /** Whether `text` extends what we have; checked at the seam only, to stay O(1). */
  private continues(text: string): boolean {
    const length = this.text.length;
    return (
      text.length >= length &&
      (length === 0 || text.charCodeAt(length - 1) === this.text.charCodeAt(length - 1))
    );
  }

  /** A text that is not a continuation (an edit, a regenerate): start over. */
  private reset(): void {
    this.splitter = new BlockSplitter();
    this.done.replaceChildren();
    this.live.replaceChildren();
    this.group = null;
    this.consumed = 0;
  }
}
