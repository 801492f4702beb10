"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

type DialogProps = { isOpen: boolean; onClose: () => void; title: string; description?: ReactNode; children: ReactNode };

/** A modal on the native <dialog>: focus trapping, Escape to close and the backdrop come from the browser. */
export function Dialog({ isOpen, onClose, title, description, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-xl focus:outline-none bg-white p-0 shadow-xl ring-1 ring-zinc-200 backdrop:bg-zinc-900/40"
    >
      {isOpen && (
        <div className="p-6">
          <h2 id={titleId} className="text-lg font-semibold text-zinc-900">
            {title}
          </h2>
          {description && <div className="mt-1 text-sm text-zinc-500">{description}</div>}
          <div className="mt-5">{children}</div>
        </div>
      )}
    </dialog>
  );
}
