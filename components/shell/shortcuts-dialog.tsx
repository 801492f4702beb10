"use client";

import { Fragment } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";
import type { Shortcut } from "./use-shortcuts";

function ShortcutList({ title, shortcuts }: { title?: string; shortcuts: Shortcut[] }) {
  return (
    <section aria-label={title}>
      {title && <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</h3>}
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
    </section>
  );
}

/**
 * Every shortcut that works now. Inside the app shell: the page's own first, then the ones that work
 * everywhere; a full-screen page without the shell passes only its own.
 */
export function ShortcutsDialog(props: { isOpen: boolean; onClose: () => void; shortcuts: Shortcut[]; pageShortcuts?: Shortcut[] }) {
  const { isOpen, onClose, shortcuts, pageShortcuts } = props;
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title="Keyboard shortcuts" description="Press them anywhere outside a text field.">
      <div className="space-y-5">
        {pageShortcuts && pageShortcuts.length > 0 && <ShortcutList title="On this page" shortcuts={pageShortcuts} />}
        <ShortcutList title={pageShortcuts ? "Everywhere" : undefined} shortcuts={shortcuts} />
      </div>
    </Dialog>
  );
}
