"use client";

import { useId, type ReactNode } from "react";
import { Card } from "./card";
import { Kbd } from "./kbd";

/** A card folded to its title line; the title button (and its shortcut, when one is shown) opens it. */
export function FoldableCard({ title, shortcut, isOpen, onToggle, children }: { title: ReactNode; shortcut?: string; isOpen: boolean; onToggle: () => void; children: ReactNode }) {
  const id = useId();
  return (
    <Card>
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={onToggle}
        className="flex w-full items-center justify-between gap-3 rounded-xl px-5 py-3 text-left text-sm font-semibold text-zinc-900 hover:bg-zinc-50"
      >
        <span className="flex items-center gap-2">
          <span aria-hidden className={isOpen ? "rotate-90 transition-transform" : "transition-transform"}>
            ▸
          </span>
          {title}
        </span>
        {shortcut && (
          <span aria-hidden>
            <Kbd>{shortcut}</Kbd>
          </span>
        )}
      </button>
      <div id={id} hidden={!isOpen} className="border-t border-zinc-100 px-5 py-4">
        {children}
      </div>
    </Card>
  );
}
