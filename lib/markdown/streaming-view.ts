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
  /** Text arrived since the last render; joined and split once per frame. */
  private pending: string[] = [];
  private frame = 0;

  constructor(container: HTMLElement) {
    this.done = document.createElement('div');
    this.live = document.createElement('div');
    this.live.className = 'md-live';
    container.append(this.done, this.live);
  }

  /**
   * Adds newly arrived text; rendering happens on the next frame. Only the new piece is handled:
   * nothing here touches the whole answer, so each chunk costs the same however long it is.
   */
  append(piece: string): void {
    if (!piece) return;
    this.pending.push(piece);
    this.frame ||= requestAnimationFrame(() => this.flush());
  }

  /** Shows a text from scratch: a stored answer, or one that was regenerated or edited. */
  replace(text: string): void {
    this.reset();
    this.append(text);
  }

  /** Renders what is pending now, without waiting for a frame (a finished answer, a test). */
  flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.pending.length === 0) return;
    const { finished, tail } = this.splitter.append(this.pending.join(''));
    this.pending = [];
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

  private reset(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
    this.splitter = new BlockSplitter();
    this.done.replaceChildren();
    this.live.replaceChildren();
    this.group = null;
  }
}
