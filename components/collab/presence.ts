/** Cursor colours that read well on white; a person keeps the same one everywhere. */
const palette = ["#d97706", "#2563eb", "#059669", "#db2777", "#7c3aed", "#dc2626", "#0891b2", "#65a30d"];

/** The awareness `user` field y-codemirror.next reads to label remote cursors. */
export type PresenceUser = { name: string; color: string; colorLight: string };

function colorOfName(name: string): string {
  let hash = 0;
  for (const character of name) hash = (hash * 31 + character.charCodeAt(0)) | 0;
  return palette[Math.abs(hash) % palette.length]!;
}

/**
 * A stable colour from the name, so each tab of one person and every viewer agree on it; `color` overrides
 * it once the person has a colour of their own among a document's authors (see assignAuthorColors).
 */
export function buildPresenceUser(name: string, color = colorOfName(name)): PresenceUser {
  return { name, color, colorLight: `${color}33` };
}

/**
 * One colour per author of a document, told apart: each keeps their name's colour unless an earlier author
 * has it, then takes the first free one. Authors come in the order they first wrote, so every viewer, reading
 * the same record, gives everyone the same colour; past eight authors, colours repeat.
 */
export function assignAuthorColors(authorIds: readonly string[], nameOf: (id: string) => string): Map<string, string> {
  const colors = new Map<string, string>();
  for (const id of authorIds) {
    if (colors.has(id)) continue;
    const taken = new Set(colors.values());
    const own = colorOfName(nameOf(id));
    colors.set(id, !taken.has(own) ? own : (palette.find((color) => !taken.has(color)) ?? own));
  }
  return colors;
}
