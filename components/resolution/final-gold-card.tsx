import { Card, CardHeader } from "@/components/ui/card";
import { ValuesList } from "@/components/labels/values-list";
import type { LabelField } from "@/server/labels/field-types";
import { CorrectionDiff } from "./correction-diff";
import { ItemStateBadge } from "./item-state-badge";
import { describeGoldOrigin } from "./gold-origin";

export type GoldView = { values: Record<string, unknown>; correction: string | null; method: string; resolvedByName: string | null; note: string | null };

/** The gold an item ended with: label, how it was reached, the lead's note, and the correction against the original. */
export function FinalGoldCard({
  gold,
  fields,
  originalText,
  allowCorrection,
  title = "Final gold",
}: {
  gold: GoldView;
  fields: readonly LabelField[];
  originalText: string;
  allowCorrection: boolean;
  /** A gold being revised is still current, not final. */
  title?: string;
}) {
  return (
    <Card aria-label={title} role="region">
      <CardHeader
        title={title}
        description={`${describeGoldOrigin(gold, "Finalized")}.`}
        action={<ItemStateBadge state="resolved" method={gold.method} />}
      />
      <div className="space-y-4 px-5 py-4">
        <ValuesList fields={fields} values={gold.values} emphasis />
        {gold.note && (
          <dl>
            <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{gold.resolvedByName ? `${gold.resolvedByName}'s note` : "Lead's note"}</dt>
            <dd className="mt-1 border-l-2 border-gold-400 pl-3 text-sm break-words whitespace-pre-wrap text-zinc-800">{gold.note}</dd>
          </dl>
        )}
        {allowCorrection && (
          <dl>
            <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Gold correction</dt>
            <dd className="mt-1">
              {gold.correction === null ? (
                <p className="text-sm text-zinc-500">None: the original output stands.</p>
              ) : (
                <CorrectionDiff original={originalText} corrected={gold.correction} label="Gold correction" />
              )}
            </dd>
          </dl>
        )}
      </div>
    </Card>
  );
}
