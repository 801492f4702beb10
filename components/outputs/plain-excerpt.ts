/**
 * Markdown as the plain text a reader would see, for one- or two-line excerpts in lists, where syntax such as
 * `**`, `#` or `[text](url)` is only noise. Not a parser: the excerpt is cut short already, so an unclosed mark
 * is left as typed; whole outputs are rendered by Markdown.
 */
export function plainExcerpt(markdown: string): string {
  return (
    markdown
      // Fences and horizontal rules carry no words.
      .replace(/^\s*(```|~~~).*$/gm, "")
      .replace(/^\s*([-*_])(\s*\1){2,}\s*$/gm, "")
      // Images become their alt text, links their text.
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      // Line starts: headings, quotes, list bullets and numbers, table pipes.
      .replace(/^\s*#{1,6}\s+/gm, "")
      .replace(/^\s*(>\s?)+/gm, "")
      .replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/gm, "")
      // Each cell of a table's rule starts at a pipe, so a long run of dashes has one way to match, not exponentially many.
      .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, "")
      .replace(/\s*\|\s*/g, " ")
      // Emphasis, strikethrough and inline code around words.
      .replace(/\*\*(.+?)\*\*/g, "$1")
      .replace(/\*(\S(?:.*?\S)?)\*/g, "$1")
      // Underscores inside a word (snake_case) are not emphasis.
      .replace(/(^|\W)__(.+?)__(?!\w)/g, "$1$2")
      .replace(/(^|\W)_(\S(?:.*?\S)?)_(?!\w)/g, "$1$2")
      .replace(/~~(.+?)~~/g, "$1")
      .replace(/`([^`]+)`/g, "$1")
      .replace(/\s+/g, " ")
      .trim()
  );
}
