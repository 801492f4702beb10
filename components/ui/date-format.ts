// The one way Goldloop writes a moment, in every table, card and log: "Nov 29, 2026" for days and
// "Nov 29, 2026, 2:05 PM" for times, in the reader's locale and time zone. Client-safe and pure.

export type DateStyle = "date" | "dateTime";

const OPTIONS: Record<DateStyle | "full", Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  // The hover text: the exact moment with seconds and its time zone, for the reader who needs it.
  full: { dateStyle: "full", timeStyle: "long" },
};

/** Where a moment is read: a locale and a time zone; absent means the runtime's own. */
export type Reader = { locale?: string; timeZone?: string };

/** A moment as text, in one of the app's two styles (or `full`, for hover text). */
export function formatMoment(value: Date, style: DateStyle | "full", reader: Reader = {}): string {
  return new Intl.DateTimeFormat(reader.locale, { ...OPTIONS[style], timeZone: reader.timeZone }).format(value);
}
