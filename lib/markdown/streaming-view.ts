/**
 * Shows a growing markdown answer in a container: each finished block is rendered once and
 * appended, the unfinished tail is rendered again at most once per animation frame.
 */
import { BlockSplitter } from './block-splitter';
import { renderMarkdown } from './render';

export class StreamingMarkdownView {
  private splitter = new BlockSplitter();
  private readonly live: HTMLElement;
  private text = '';
  private renderedText = '';
  private frame = 0;

  constructor(private readonly container: HTMLElement) {
    this.live = document.createElement('div');
    this.live.className = 'md-live';
    container.append(this.live);
  }

  /** The whole answer so far; rendering happens on the next frame. */
  setText(text: string): void {
    if (!text.startsWith(this.text)) this.reset();
    this.text = text;
    this.frame ||= requestAnimationFrame(() => this.flush());
  }

  /** Renders what is pending now, without waiting for a frame (a finished answer, a test). */
  flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.text === this.renderedText) return;
    const { finished, tail } = this.splitter.update(this.text);
    for (const block of finished) {
      const element = document.createElement('div');
      element.className = 'md-block';
      element.innerHTML = renderMarkdown(block); // markdown-it output: raw HTML already escaped.
      this.live.before(element);
    }
    this.live.innerHTML = renderMarkdown(tail);
    this.renderedText = this.text;
  }

  /** A text that is not a continuation (an edit, a regenerate): start over. */
  private reset(): void {
    this.splitter = new BlockSplitter();
    for (const child of [...this.container.children]) if (child !== this.live) child.remove();
    this.live.replaceChildren();
    this.renderedText = '';
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
  }
}
