"use client";

import { useEffect, useRef } from "react";

/**
 * Calls `beat` every `periodMs` while the page is visible, and once when it becomes visible again. A hidden
 * tab stops renewing on purpose: its leases run out and the items go back to the pool for others.
 */
export function useLeaseHeartbeat({ periodMs, isEnabled, beat }: { periodMs: number; isEnabled: boolean; beat: () => void }) {
  const latest = useRef(beat);
  useEffect(() => {
    latest.current = beat;
  });
  useEffect(() => {
    if (!isEnabled) return;
    const beatIfVisible = () => document.visibilityState === "visible" && latest.current();
    const timer = window.setInterval(beatIfVisible, periodMs);
    document.addEventListener("visibilitychange", beatIfVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", beatIfVisible);
    };
  }, [periodMs, isEnabled]);
}
