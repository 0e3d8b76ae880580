/**
 * The code of a fence still streaming, added to its `<pre>` in chunks of whole lines, and the
 * chunks kept in a small tree of groups.
 *
 * Why a tree: adding text lays out the chunk it went into, and then every ancestor walks its own
 * children again. Chunks side by side in the `<pre>` make that walk grow with the code (a 400 KB
 * fence holds about a hundred); groups of at most `GROUP_SIZE` keep each walk short, so the
 * cost of a piece stays the same from the first line to the last.
 */

/** A chunk takes whole lines up to about this size… */
const CHUNK_CHARS = 4096;
/** …and a single line longer than this is cut where it reaches it. */
const MAX_CHUNK = 4 * CHUNK_CHARS;
/** The most children a group has: a full group gets a sibling, a full level a parent level. */
const GROUP_SIZE = 8;

export class CodeChunks {
  private readonly doc: Document;
  /** The open group at each level, the chunks' own group first. */
  private readonly openGroups: HTMLElement[] = [];
  private chunk: Text | null = null;

  constructor(private readonly pre: HTMLElement) {
    this.doc = pre.ownerDocument;
  }

  /** Adds code to the end: the current chunk fills to its size, then on to the end of its line. */
  append(code: string): void {
    let rest = code;
    while (rest !== '') {
      const chunk = this.chunkWithRoom();
      const room = MAX_CHUNK - chunk.length;
      const lineEnd = rest.slice(0, room).indexOf('\n');
      const take =
        chunk.length < CHUNK_CHARS
          ? Math.min(rest.length, CHUNK_CHARS - chunk.length)
          : lineEnd === -1
            ? Math.min(rest.length, room)
            : lineEnd + 1;
      chunk.appendData(rest.slice(0, take));
      rest = rest.slice(take);
    }
  }

  private chunkWithRoom(): Text {
    const chunk = this.chunk;
    const full =
      !chunk ||
      chunk.length >= MAX_CHUNK ||
      (chunk.length >= CHUNK_CHARS && chunk.data.endsWith('\n'));
    if (!full) return chunk;
    const code = this.doc.createElement('code');
    code.className = 'md-code-chunk';
    this.chunk = this.doc.createTextNode('');
    code.append(this.chunk);
    this.groupWithRoom().append(code);
    return this.chunk;
  }

  /**
   * The chunks' group, or a new one: it goes into the lowest level with room, under fresh groups
   * down to the chunks' level. When every level is full, a new top level starts in the `<pre>`
   * beside the old one, so the `<pre>` itself gains a child only once per level.
   */
  private groupWithRoom(): HTMLElement {
    let level = 0;
    while (level < this.openGroups.length && this.isFull(this.openGroups[level])) level++;
    if (level === this.openGroups.length) {
      const top = this.newGroup();
      this.pre.append(top);
      this.openGroups.push(top);
    }
    for (let below = level - 1; below >= 0; below--) {
      const group = this.newGroup();
      this.openGroups[below + 1]?.append(group);
      this.openGroups[below] = group;
    }
    return this.openGroups[0] as HTMLElement;
  }

  private isFull(group: HTMLElement | undefined): boolean {
    return !group || group.childElementCount >= GROUP_SIZE;
  }

  private newGroup(): HTMLElement {
    const group = this.doc.createElement('span');
    group.className = 'md-code-group';
    return group;
  }
}
