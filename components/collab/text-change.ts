const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The single replacement that turns `from` into `to`: everything between their common prefix and suffix.
 * It never splits a surrogate pair, which Yjs would otherwise store as a broken character.
 */
export function diffAsOneChange(from: string, to: string): { from: number; to: number; insert: string } {
  const limit = Math.min(from.length, to.length);
  let prefix = 0;
  while (prefix < limit && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix += 1;
  if (prefix > 0 && isHighSurrogate(from.charCodeAt(prefix - 1))) prefix -= 1;
  let suffix = 0;
  while (suffix < limit - prefix && from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)) suffix += 1;
  if (suffix > 0 && isLowSurrogate(from.charCodeAt(from.length - suffix))) suffix -= 1;
  return { from: prefix, to: from.length - suffix, insert: to.slice(prefix, to.length - suffix) };
}
