import { cn } from "@/components/ui/cn";

export type SharedApproval = { annotatorId: string; name: string; isMine: boolean; isCurrent: boolean };

/**
 * Who approved the shared answer, and whether what they approved is what it says now: an approval of an
 * earlier version no longer counts, and saying so tells its author to look again.
 */
export function SharedApprovals({ approvals, needed }: { approvals: readonly SharedApproval[]; needed: number }) {
  const current = approvals.filter((approval) => approval.isCurrent).length;
  return (
    <section aria-label="Approvals" className="space-y-1.5 text-sm">
      <p className="font-medium text-zinc-800">
        Approvals: <span className="tabular-nums">{current} of {needed}</span> on this version
      </p>
      {approvals.length > 0 && (
        <ul className="space-y-1">
          {approvals.map((approval) => (
            <li key={approval.annotatorId} className={cn("flex items-center gap-1.5", approval.isCurrent ? "text-emerald-700" : "text-amber-800")}>
              <span aria-hidden>{approval.isCurrent ? "✓" : "↺"}</span>
              {approval.isMine ? "You" : approval.name} approved {approval.isCurrent ? "this version" : "an earlier version"}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
