"use client";

import { Fragment } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";
import type { Shortcut } from "./use-shortcuts";

export function ShortcutsDialog({ isOpen, onClose, shortcuts }: { isOpen: boolean; onClose: () => void; shortcuts: Shortcut[] }) {
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title="Keyboard shortcuts" description="Press them anywhere outside a text field.">
      <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm">
        {shortcuts.map((shortcut) => (
          <Fragment key={shortcut.keys.join(" ")}>
            <dt className="text-zinc-700">{shortcut.label}</dt>
            <dd className="flex gap-1">
              {shortcut.keys.map((key) => (
                <Kbd key={key}>{key}</Kbd>
              ))}
            </dd>
          </Fragment>
        ))}
      </dl>
    </Dialog>
  );
}
