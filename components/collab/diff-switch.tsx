import { cn } from "@/components/ui/cn";
import { Kbd } from "@/components/ui/kbd";

/** The key that shows or hides an editor's diff; listed in the `?` dialog by the editor that listens for it. */
export const DIFF_SHORTCUT = "d";

/**
 * The editor's diff on/off switch. Its accessible name stays "Diff" whatever the state, which aria-pressed
 * carries; the visible "on"/"off" and the drawn switch say the same to sighted readers.
 */
export function DiffSwitch({ isOn, onToggle }: { isOn: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      aria-pressed={isOn}
      aria-keyshortcuts={DIFF_SHORTCUT}
      title={`${isOn ? "Hide" : "Show"} the changes against the original (${DIFF_SHORTCUT})`}
      onClick={onToggle}
      className="inline-flex items-center gap-1.5 rounded-md px-1.5 py-0.5 font-medium text-zinc-700 ring-1 ring-zinc-200 ring-inset hover:bg-zinc-50"
    >
      <span aria-hidden className={cn("flex h-3.5 w-6 items-center rounded-full p-0.5 transition-colors", isOn ? "bg-gold-500" : "bg-zinc-300")}>
        <span className={cn("size-2.5 rounded-full bg-white shadow-sm transition-transform", isOn && "translate-x-2.5")} />
      </span>
      Diff
      <span aria-hidden className={cn("w-5 text-left", isOn ? "text-zinc-900" : "text-zinc-500")}>
        {isOn ? "on" : "off"}
      </span>
      <span aria-hidden>
        <Kbd>{DIFF_SHORTCUT}</Kbd>
      </span>
    </button>
  );
}
