import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";

/** A queue form's way out and its submit button, which Ctrl/Cmd+Enter presses from anywhere in the form. */
export function FormActions({ cancelHref, cancelLabel, submitLabel, isBusy }: { cancelHref: string; cancelLabel: string; submitLabel: string; isBusy: boolean }) {
  return (
    <>
      <Link href={cancelHref} className="rounded-md px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100">
        {cancelLabel}
      </Link>
      <Button type="submit" isBusy={isBusy}>
        {submitLabel}
        <span className="hidden gap-0.5 sm:inline-flex">
          <Kbd>Ctrl</Kbd>
          <Kbd>Enter</Kbd>
        </span>
      </Button>
    </>
  );
}
