/**
 * Shows a growing markdown answer in a container: each finished block is rendered once and
 * appended, the unfinished tail is rendered again at most once per animation frame, and an open
 * code fence only gets the code that arrived added to it.
 *
 * Finished blocks go into small groups, and a streamed fence's code into chunks of a few
 * kilobytes (see code-chunks.ts), so that adding text lays out a few dozen elements or one chunk
 * rather than the whole answer: the cost per chunk stays flat as the answer grows.
 */
import { BlockSplitter, type OpenFence } from './block-splitter';
import { CodeChunks } from './code-chunks';
import { codeBlockFrame, renderMarkdown } from './render';

const BLOCKS_PER_GROUP = 32;
/**
 * The most text one animation frame renders. An answer can arrive far faster than it can be
 * shown (a hostile server sends megabytes a second); the rest waits for the next frames, so the
 * page still paints and answers clicks in between.
 */
const CHARS_PER_FRAME = 32 * 1024;

export class StreamingMarkdownView {
  private splitter = new BlockSplitter();
  private readonly doc: Document;
  private readonly done: HTMLElement;
  private readonly live: HTMLElement;
  private group: HTMLElement | null = null;
  /** The open fence's code, which new code is added to. */
  private fence: CodeChunks | null = null;
  /** Text arrived since the last render; joined and split once per frame. */
  private pending: string[] = [];
  private frame = 0;

  constructor(container: HTMLElement) {
    this.doc = container.ownerDocument;
    this.done = this.doc.createElement('div');
    this.live = this.doc.createElement('div');
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
    this.scheduleFrame();
  }

  /**
   * Adds text and renders it at once, up to one frame's worth: for a caller that already calls at
   * most once per frame (a streaming answer shows its pieces per frame), so the text is on screen
   * in the frame it arrived in rather than the next.
   */
  appendNow(piece: string): void {
    if (!piece) return;
    this.pending.push(piece);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.render(CHARS_PER_FRAME);
  }

  private scheduleFrame(): void {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.render(CHARS_PER_FRAME);
    });
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
    this.render(Number.POSITIVE_INFINITY);
  }

  /** Renders up to `budget` characters of what is pending; a frame is asked for the rest. */
  private render(budget: number): void {
    if (this.pending.length === 0) return;
    let text = this.pending.join('');
    this.pending = [];
    if (text.length > budget) {
      this.pending.push(text.slice(budget));
      text = text.slice(0, budget);
      this.scheduleFrame();
    }
    const { finished, tail, fence } = this.splitter.append(text);
    if (finished.length > 0 || !fence || fence.opened) this.fence = null;
    for (const block of finished) this.appendBlock(block);
    if (fence) this.showFence(fence);
    else this.live.replaceChildren(renderMarkdown(tail, this.doc));
  }

  /**
   * The answer is complete: what is pending is rendered, and the unfinished end becomes a finished
   * block, so that a code block the answer never closed is highlighted like any other.
   */
  finish(): void {
    this.flush();
    const rest = this.splitter.end();
    this.live.replaceChildren();
    this.fence = null;
    if (rest.trim() !== '') this.appendBlock(rest);
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
  }

  private appendBlock(block: string): void {
    if (!this.group || this.group.childElementCount >= BLOCKS_PER_GROUP) {
      this.group = this.doc.createElement('div');
      this.group.className = 'md-group';
      this.done.append(this.group);
    }
    const element = this.doc.createElement('div');
    element.className = 'md-block';
    element.append(renderMarkdown(block, this.doc));
    this.group.append(element);
  }

  /** The open fence: its frame once, then only the code that arrived. */
  private showFence({ info, added }: OpenFence): void {
    if (!this.fence) {
      const { block, pre } = codeBlockFrame(this.doc, info);
      this.live.replaceChildren(block);
      this.fence = new CodeChunks(pre);
    }
    this.fence.append(added);
  }

  private reset(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
    this.splitter = new BlockSplitter();
    this.done.replaceChildren();
    this.live.replaceChildren();
    this.group = null;
    this.fence = null;
  }
}
