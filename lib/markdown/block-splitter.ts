/**
 * Splits a growing markdown text into finished blocks and the unfinished tail, looking only at
 * what arrived since the last call, so the work per chunk stays flat however long the answer
 * grows, whatever its markup.
 *
 * A block is finished when a blank line follows it outside a fenced code block. A code fence that
 * starts a line (no indent) always starts a block of its own, so while it is open it is streamed:
 * the caller gets only the code that arrived, to add to what it shows, never the whole fence
 * again. Any other unfinished block is cut at a line end once it passes `LIVE_BLOCK_LIMIT`, so a
 * tail that is rendered again and again stays small.
 */

/** Past this, an unfinished block is finished at the next line end (at twice this, anywhere). */
export const LIVE_BLOCK_LIMIT = 16_384;
/** A fence marker line is short; a longer line is text, whatever it starts with. */
const MARKER_LINE_MAX = 1000;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** What a line may be so far and still turn out to close a fence. */
const MAYBE_CLOSE = /^ {0,3}(`*|~*)[ \t]*$/;

export interface OpenFence {
  /** The fence's info string: its language, first. */
  info: string;
  /** The code that arrived since the last call. */
  added: string;
  /** Whether the fence opened in this call: a new code block to show. */
  opened: boolean;
}

export interface SplitResult {
  finished: string[];
  /** The unfinished text to render again; empty while a fence streams. */
  tail: string;
  /** The fence being streamed, if one is open. */
  fence?: OpenFence;
}

function opens(line: string): { marker: string; info: string; indented: boolean } | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const [, indent = '', marker = '', info = ''] = match;
  if (marker.startsWith('`') && info.includes('`')) return null; // CommonMark: not a fence
  return { marker, info, indented: indent !== '' };
}

function closes(line: string, marker: string): boolean {
  const fence = FENCE_CLOSE.exec(line)?.[1];
  return !!fence && fence[0] === marker[0] && fence.length >= marker.length;
}

const lineOf = (text: string) => text.replace(/\r?\n$/, '');

export class BlockSplitter {
  /** The unfinished block. */
  private text = '';
  /** Where the current line starts in the block, its first characters, and whether it is blank. */
  private lineStart = 0;
  private lineHead = '';
  private lineLength = 0;
  private lineBlank = true;
  /** An indented fence inside the block: blank lines do not end the block while it is open. */
  private innerFence: string | null = null;
  /** The fence being streamed, with its whole text so far and the current line while it may close it. */
  private stream: { marker: string; info: string; parts: string[]; held: string | null } | null =
    null;

  append(delta: string): SplitResult {
    const finished: string[] = [];
    let added = '';
    let opened = false;
    let position = 0;
    while (position < delta.length) {
      const newline = delta.indexOf('\n', position);
      const end = newline === -1 ? delta.length : newline + 1;
      const piece = delta.slice(position, end);
      position = end;
      const lineEnded = newline !== -1;
      if (this.stream) {
        added += this.addToFence(piece, lineEnded, finished);
        continue;
      }
      this.addToBlock(piece);
      if (lineEnded) {
        const fence = this.endLine(finished);
        if (fence) opened = true;
      } else if (this.text.length > 2 * LIVE_BLOCK_LIMIT) {
        this.finishBlock(finished, this.text.length);
        this.lineLength = MARKER_LINE_MAX + 1; // the rest of this line is text, not a marker
      }
    }
    if (this.stream) {
      return { finished, tail: '', fence: { info: this.stream.info, added, opened } };
    }
    return { finished, tail: this.text };
  }

  /**
   * The answer is complete: hands back what is unfinished (the tail, or an open fence with all its
   * code so far) to be rendered as the last block, and starts over.
   */
  end(): string {
    const rest = this.stream ? this.stream.parts.join('') : this.text;
    Object.assign(this, new BlockSplitter());
    return rest;
  }

  private addToBlock(piece: string): void {
    this.text += piece;
    if (this.lineHead.length < MARKER_LINE_MAX) {
      this.lineHead += piece.slice(0, MARKER_LINE_MAX - this.lineHead.length);
    }
    this.lineLength += piece.length;
    if (this.lineBlank && piece.trim() !== '') this.lineBlank = false;
  }

  /** A line of the block ended: finish the block, open a fence, or go on. True if a fence opened. */
  private endLine(finished: string[]): boolean {
    const line = this.lineLength <= MARKER_LINE_MAX ? lineOf(this.lineHead) : null;
    const blank = this.lineBlank;
    const start = this.lineStart;
    this.lineHead = '';
    this.lineLength = 0;
    this.lineBlank = true;
    this.lineStart = this.text.length;
    if (this.innerFence) {
      if (line !== null && closes(line, this.innerFence)) this.innerFence = null;
      else if (this.text.length > 2 * LIVE_BLOCK_LIMIT)
        this.finishBlock(finished, this.text.length);
      return false;
    }
    const fence = line === null ? null : opens(line);
    if (fence && !fence.indented) {
      const text = this.finishBlock(finished, start);
      this.stream = { marker: fence.marker, info: fence.info, parts: [text], held: '' };
      return true;
    }
    if (fence) this.innerFence = fence.marker;
    else if (blank) this.finishBlock(finished, start);
    else if (this.text.length > LIVE_BLOCK_LIMIT) this.finishBlock(finished, this.text.length);
    return false;
  }

  /**
   * Finishes the block's first `at` characters (unless they are blank) and empties it; returns
   * what followed them (a fence's opening line), which the caller keeps or drops.
   */
  private finishBlock(finished: string[], at: number): string {
    const { text } = this;
    const block = text.slice(0, at);
    if (block.trim() !== '') finished.push(block);
    this.text = '';
    this.lineStart = 0;
    this.innerFence = null;
    return text.slice(at);
  }

  /** A piece of a streamed fence: returns the code it adds, holding back a line that may close it. */
  private addToFence(piece: string, lineEnded: boolean, finished: string[]): string {
    const stream = this.stream;
    if (!stream) return '';
    stream.parts.push(piece);
    let added = '';
    if (stream.held === null) added = piece;
    else {
      stream.held += piece;
      const line = lineOf(stream.held);
      if (lineEnded && closes(line, stream.marker)) {
        finished.push(stream.parts.join(''));
        this.stream = null;
        return '';
      }
      if (lineEnded || stream.held.length > MARKER_LINE_MAX || !MAYBE_CLOSE.test(line)) {
        added = stream.held;
        stream.held = null;
      }
    }
    if (lineEnded) stream.held = '';
    return added;
  }
}
