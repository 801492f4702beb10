/**
 * Collects a page's output as UTF-8 bytes in one reusable buffer. Each line is written as soon as it is
 * made, so the strings and objects of a row die young instead of living (and being promoted to V8's old
 * generation) until the whole page is joined; that is what keeps an export's heap flat.
 */
export class ChunkBuilder {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  append(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const needed = this.length + text.length * 3;
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length, "utf8");
  }

  /** The bytes appended since the last take, as a chunk of their own; the buffer is reused. */
  take(): Uint8Array {
    const chunk = new Uint8Array(this.length);
    chunk.set(this.buffer.subarray(0, this.length));
    this.length = 0;
    return chunk;
  }
}

/** Calls `visit` with each line of a page's text (every line ends with a newline), without an array of lines. */
export function forEachLine(text: string, visit: (line: string) => void): void {
  for (let start = 0, end = text.indexOf("\n"); end !== -1; start = end + 1, end = text.indexOf("\n", start)) visit(text.slice(start, end));
}
