"use client";

import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";

function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Time left on the current item's lease, ticking each second; amber in the last minute, red once gone. */
export function LeaseCountdown({ expiresAt }: { expiresAt: Date }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const timer = window.setInterval(tick, 1000);
    const first = window.setTimeout(tick, 0);
    return () => (window.clearInterval(timer), window.clearTimeout(first));
  }, []);
  if (now === null) return null;
  const remaining = expiresAt.getTime() - now;
  return (
    <span
      title="The item is reserved for you while this runs; working on it keeps renewing it."
      className={cn("tabular-nums", remaining <= 0 ? "font-medium text-red-600" : remaining < 60_000 ? "font-medium text-gold-700" : "text-zinc-500")}
    >
      {remaining <= 0 ? "Lease expired" : `Lease ${formatRemaining(remaining)}`}
    </span>
  );
}
