/**
 * Splits a growing markdown text into finished blocks and the unfinished tail. It keeps only
 * the tail and looks only at what arrived since the last call, so the work per chunk stays flat
 * however long the answer grows.
 *
 * A block is finished when a blank line follows it outside a fenced code block. Finished blocks
 * are rendered once; only the tail is rendered again as text arrives.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export class BlockSplitter {
  /** The unfinished text: everything after the last finished block. */
  private tail = '';
  /** Where the next unscanned line of the tail starts. */
  private scanFrom = 0;
  /** The marker of the fenced code block we are inside, if any. */
  private openFence: string | null = null;

  /** Takes the newly arrived text; returns the blocks it finished, and the tail. */
  append(delta: string): { finished: string[]; tail: string } {
    const finished: string[] = [];
    this.tail += delta;
    let lineEnd = this.tail.indexOf('\n', this.scanFrom);
    while (lineEnd !== -1) {
      const line = this.tail.slice(this.scanFrom, lineEnd);
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
        const block = this.tail.slice(0, this.scanFrom);
        if (block.trim() !== '') finished.push(block);
        this.tail = this.tail.slice(lineEnd + 1);
        this.scanFrom = 0;
        lineEnd = this.tail.indexOf('\n');
        continue;
      }
      this.scanFrom = lineEnd + 1;
      lineEnd = this.tail.indexOf('\n', this.scanFrom);
    }
    return { finished, tail: this.tail };
  }
}
