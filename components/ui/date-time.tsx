"use client";

import { useSyncExternalStore } from "react";
import { formatMoment, type DateStyle, type Reader } from "./date-format";

// The server cannot know the reader's time zone. It renders in UTC and the browser re-renders in its own
// zone right after hydration (useSyncExternalStore's server snapshot); client-side navigations render the
// reader's zone straight away. suppressHydrationWarning alone would keep the server's text.
const SERVER_READER: Reader = { locale: "en-US", timeZone: "UTC" };
const subscribe = () => () => {};

/**
 * A moment in the app's one date format, with the exact time and zone on hover. Kept on one line unless
 * `canWrap`, for narrow table columns where a wide time of day ("10:24 AM") must not push the table out.
 */
export function DateTime({ value, style = "dateTime", canWrap = false }: { value: Date | string; style?: DateStyle; canWrap?: boolean }) {
  const isInBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const moment = typeof value === "string" ? new Date(value) : value;
  const reader = isInBrowser ? {} : SERVER_READER;
  return (
    <time dateTime={moment.toISOString()} title={formatMoment(moment, "full", reader)} className={canWrap ? undefined : "whitespace-nowrap"}>
      {formatMoment(moment, style, reader)}
    </time>
  );
}
