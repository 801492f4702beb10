"use client";

import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Kbd } from "@/components/ui/kbd";

type FieldFrameProps = {
  id: string;
  /** The stop's name (data-stop), so J/K can move focus into it; absent when its parts are stops (a rubric). */
  stop?: string;
  title: string;
  hint: string;
  isRequired: boolean;
  /** The stop J/K last moved to: number keys act here. */
  isActive: boolean;
  /** How many number keys pick here (0: typed into instead). */
  keyCount: number;
  error?: string;
  onActivate: () => void;
  children: ReactNode;
};

/**
 * One field of a label form: its title, hint, the number keys that act on it while it is the active stop,
 * and its problem. Focus or a click anywhere inside makes it the active stop.
 */
export function FieldFrame({ id, stop, title, hint, isRequired, isActive, keyCount, error, onActivate, children }: FieldFrameProps) {
  return (
    <div
      role="group"
      data-stop={stop}
      aria-labelledby={`${id}-title`}
      aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
      aria-current={isActive ? "true" : undefined}
      onFocusCapture={onActivate}
      onPointerDown={onActivate}
      className={cn("-mx-2 space-y-2 rounded-lg border-l-2 px-2 py-1.5", isActive ? "border-gold-500 bg-gold-50/40" : "border-transparent")}
    >
      <div className="flex items-baseline justify-between gap-2">
        <p id={`${id}-title`} className="text-sm font-medium text-zinc-900">
          {title}
          {!isRequired && <span className="font-normal text-zinc-500"> (optional)</span>}
        </p>
        {isActive && keyCount > 0 && (
          <span aria-hidden className="text-xs text-zinc-500">
            <Kbd>1</Kbd>–<Kbd>{Math.min(keyCount, 9)}</Kbd>
            {keyCount > 9 && (
              <>
                , <Kbd>0</Kbd>
              </>
            )}
          </span>
        )}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
