/** The Goldloop mark: a gold ring, for the loop. */
export function Logo({ withName = true }: { withName?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight text-zinc-900">
      <span aria-hidden className="size-5 rounded-full border-[5px] border-gold-500" />
      {withName && <span>Goldloop</span>}
    </span>
  );
}
