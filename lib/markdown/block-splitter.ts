/**
 * Splits a growing markdown text into finished blocks and the unfinished tail, looking only at
 * what arrived since the last call, so the work per chunk stays flat however long the answer.
 *
 * A block is finished when a blank line follows it outside a fenced code block. Finished blocks
 * are rendered once; only the tail is rendered again as text arrives.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export class BlockSplitter {
  /** Where the unfinished tail starts. */
  private tailStart = 0;
  /** Where the next unscanned line starts. */
  private scanFrom = 0;
  /** The marker of the fenced code block we are inside, if any. */
  private openFence: string | null = null;

  /** Takes the whole text so far; returns the blocks finished since the last call, and the tail. */
  update(text: string): { finished: string[]; tail: string } {
    const finished: string[] = [];
    let lineEnd = text.indexOf('\n', this.scanFrom);
    while (lineEnd !== -1) {
      const line = text.slice(this.scanFrom, lineEnd);
      const fence = FENCE.exec(line)?.[1];
      if (fence && this.openFence === null) {
        this.openFence = fence;
      } else if (
        fence &&
        this.openFence &&
        fence[0] === this.openFence[0] &&
        fence.length >= this.openFence.length
      ) {
        this.openFence = null;
      } else if (this.openFence === null && line.trim() === '') {
        const block = text.slice(this.tailStart, this.scanFrom);
        if (block.trim() !== '') finished.push(block);
        this.tailStart = lineEnd + 1;
      }
      this.scanFrom = lineEnd + 1;
      lineEnd = text.indexOf('\n', this.scanFrom);
    }
    return { finished, tail: text.slice(this.tailStart) };
  }
}
