"use client";

import { forwardRef } from "react";
import { Kbd } from "@/components/ui/kbd";
import type { QueueChoice } from "./use-annotator-analytics";

type QueueFilterProps = { queues: readonly QueueChoice[]; value: string | undefined; onChange: (queueId: string | undefined) => void };

/** "All queues" or one queue; archived queues stay pickable because their answers still count. */
export const QueueFilter = forwardRef<HTMLSelectElement, QueueFilterProps>(function QueueFilter({ queues, value, onChange }, ref) {
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-600">
      <span className="whitespace-nowrap">
        Queue <Kbd>f</Kbd>
      </span>
      <select
        ref={ref}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || undefined)}
        className="rounded-md border-0 bg-white py-1.5 pr-8 pl-2.5 text-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-gold-500"
      >
        <option value="">All queues</option>
        {queues.map((queue) => (
          <option key={queue.id} value={queue.id}>
            {queue.name}
            {queue.isArchived ? " (archived)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
});
