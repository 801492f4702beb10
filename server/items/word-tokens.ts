import { Diff } from "diff";

// Scripts written without spaces between words: a whole sentence would otherwise be one "word", so each
// character (with its combining marks) is a token of its own.
const UNSPACED_SCRIPTS = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}`;

// A token is a newline, a run of other whitespace, one character of an unspaced script, a word (letters
// with their marks, digits), a flag, an emoji with its modifiers and joiners, or any other single code
// point. The `u` flag keeps surrogate pairs whole, and the last alternative matches anything, so the tokens
// always join back into the text.
const TOKEN = new RegExp(
  [
    String.raw`\r?\n`,
    String.raw`[^\S\r\n]+`,
    String.raw`[${UNSPACED_SCRIPTS}]\p{M}*`,
    String.raw`(?:(?![${UNSPACED_SCRIPTS}])[\p{L}\p{M}\p{N}_])+`,
    String.raw`\p{Regional_Indicator}{2}`,
    String.raw`\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*`,
    ".",
  ].join("|"),
  "gsu",
);

/** A diff over words (and whitespace runs): "3 days" replaced by "a week", not letters picked out of both. */
class WordTokenDiff extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return value.match(TOKEN) ?? [];
  }
}

export const wordTokenDiff = new WordTokenDiff();
