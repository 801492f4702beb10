import { inspect } from "node:util";
import fc from "fast-check";

/** Text Postgres cannot store, or that trips naive parsers, paths and queries. */
export const ODD_STRINGS = [
  "",
  " ",
  "a\u0000b",
  "\u0000",
  "\ud800",
  "tail \udbff",
  "\udc00 head",
  "\udfff\ud800",
  "fine 👍",
  "x".repeat(100_000),
  "y".repeat(1_000_001),
  "2147483648",
  "99999999999999999999",
  "-1",
  "1e999",
  "NaN",
  "null",
  "latest",
  "00000000-0000-4000-8000-000000000000",
  "not-a-uuid",
  "%FF",
  "%00",
  "\\u0000",
  "'; drop table users; --",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "\u202e\ufeff\r\n\t",
];

/** Numbers at and past the edges of int4, int8, safe integers and doubles. */
export const ODD_NUMBERS = [0, -0, -1, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 1e308, -1e308, Number.MIN_VALUE];

/** Values JSON cannot carry but superjson (and an in-process caller) can. */
const NON_JSON_VALUES = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 10n ** 30n, new Date(Number.NaN), undefined, new Map([["k", 1]]), new Set([1])];

/** The longest nesting a field value gets; deeper nesting is sent as raw JSON (transport cases), as JSON.stringify stops near 10,000. */
const MAX_FIELD_NESTING = 1_000;

/** `depth` arrays or objects inside each other, around `leaf`. */
export function nest(depth: number, leaf: unknown = "\u0000", asObject = false): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = asObject ? { a: value } : [value];
  return value;
}

/** Any UTF-16 code units, so NUL, control characters and lone surrogates turn up in random text. */
const utf16Garbage = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 16 }).map((codes) => String.fromCharCode(...codes));

/** Text holding NUL or a lone surrogate, alone or inside ordinary text. */
const unstorableText = fc.oneof(
  fc.constantFrom("a\u0000b", "\u0000", "\ud800", "tail \udbff", "\udc00 head", "\udfff\ud800"),
  fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom("\u0000", "\ud800", "\udbff", "\udc00", "\udfff"), fc.string({ maxLength: 12 })).map(([before, bad, after]) => `${before}${bad}${after}`),
);

/** Odd values for any field, for a text field (mostly unstorable text), for a number field, and unstorable text alone. */
export type OddValues = { any: fc.Arbitrary<unknown>; text: fc.Arbitrary<unknown>; number: fc.Arbitrary<unknown>; unstorable: fc.Arbitrary<string> };

/**
 * Bad and odd values: wrong types, unstorable and huge text, numbers past every bound, deep nesting, random
 * JSON, and ids that exist but belong to another project (`foreignIds`).
 */
export function oddValues(options: { foreignIds: readonly (string | number)[]; jsonOnly: boolean }): OddValues {
  const arbitraries: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(...ODD_STRINGS),
    fc.constantFrom(...ODD_NUMBERS),
    fc.constantFrom(null, true, false, [], {}),
    utf16Garbage,
    unstorableText,
    fc.jsonValue({ maxDepth: 3 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.tuple(fc.integer({ min: 2, max: MAX_FIELD_NESTING }), fc.boolean()).map(([depth, asObject]) => nest(depth, "deep", asObject)),
    fc.array(fc.constantFrom<unknown>(...ODD_STRINGS, ...ODD_NUMBERS), { maxLength: 4 }),
    fc.constantFrom<unknown>(...ODD_STRINGS.slice(0, 9), 1).map((item) => Array.from({ length: 1_001 }, () => item)),
    fc.dictionary(utf16Garbage, fc.constantFrom<unknown>(...ODD_STRINGS.slice(0, 9)), { maxKeys: 3 }),
  ];
  if (options.foreignIds.length > 0) arbitraries.push(fc.constantFrom(...options.foreignIds));
  if (!options.jsonOnly) arbitraries.push(fc.constantFrom(...NON_JSON_VALUES));
  const any = fc.oneof(...arbitraries);
  return {
    any,
    text: fc.oneof({ weight: 6, arbitrary: unstorableText }, { weight: 1, arbitrary: fc.constantFrom("x".repeat(100_000), "y".repeat(1_000_001)) }, { weight: 3, arbitrary: any }),
    number: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ODD_NUMBERS) }, { weight: 2, arbitrary: fc.double() }, { weight: 3, arbitrary: any }),
    // Both kinds at once: a text column turns a lone surrogate into U+FFFD and fails only on NUL, jsonb fails on both.
    unstorable: fc
      .tuple(fc.string({ maxLength: 8 }), fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff"), fc.string({ maxLength: 8 }), fc.boolean())
      .map(([before, surrogate, after, isNulFirst]) => (isNulFirst ? `${before}\u0000${after}${surrogate}` : `${before}${surrogate}${after}\u0000`)),
  };
}

/** A short, always printable description of any generated value (BigInt, deep nesting and huge text included). */
export function describeValue(value: unknown): string {
  return inspect(value, { depth: 3, maxStringLength: 60, maxArrayLength: 5, breakLength: Infinity }).slice(0, 400);
}
