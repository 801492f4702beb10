/** Cursor colours that read well on white; a person keeps the same one everywhere. */
const palette = ["#d97706", "#2563eb", "#059669", "#db2777", "#7c3aed", "#dc2626", "#0891b2", "#65a30d"];

/** The awareness `user` field y-codemirror.next reads to label remote cursors. */
export type PresenceUser = { name: string; color: string; colorLight: string };

/** A stable colour from the name, so each tab of one person and every viewer agree on it. */
export function buildPresenceUser(name: string): PresenceUser {
  let hash = 0;
  for (const character of name) hash = (hash * 31 + character.charCodeAt(0)) | 0;
  const color = palette[Math.abs(hash) % palette.length]!;
  return { name, color, colorLight: `${color}33` };
}
