/** A moment in the reader's locale and time zone; the server renders its own, so the browser's text wins on hydration. */
export function LocalTime({ value, isDateOnly = false }: { value: Date; isDateOnly?: boolean }) {
  return (
    <time dateTime={value.toISOString()} suppressHydrationWarning>
      {isDateOnly ? value.toLocaleDateString() : value.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
    </time>
  );
}
