import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type Step = { title: string; isDone: boolean; body: ReactNode; href?: string; cta?: string };

/** A numbered checklist that tells a new admin what to do next, ticking off what is already done. */
export function GettingStarted({ steps }: { steps: Step[] }) {
  return (
    <ol className="divide-y divide-zinc-100">
      {steps.map((step, index) => (
        <li key={step.title} className="flex gap-4 px-5 py-4">
          <span
            aria-hidden
            className={cn(
              "flex size-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
              step.isDone ? "bg-emerald-100 text-emerald-700" : "bg-zinc-100 text-zinc-600",
            )}
          >
            {step.isDone ? "✓" : index + 1}
          </span>
          <div className="min-w-0 flex-1">
            <p className={cn("text-sm font-medium", step.isDone ? "text-zinc-500 line-through" : "text-zinc-900")}>
              {step.title}
              <span className="sr-only">{step.isDone ? " (done)" : " (to do)"}</span>
            </p>
            <div className="mt-1 text-sm text-zinc-500">{step.body}</div>
          </div>
          {step.href && step.cta && !step.isDone && (
            <Link href={step.href} className="self-center rounded-md px-3 py-1.5 text-sm font-medium text-zinc-900 ring-1 ring-zinc-300 hover:bg-zinc-50">
              {step.cta}
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}
