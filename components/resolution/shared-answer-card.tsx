import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ValuesList } from "@/components/labels/values-list";
import type { LabelField } from "@/server/labels/field-types";
import { CorrectionDiff } from "./correction-diff";

type SharedAnswerCardProps = {
  answer: { values: Record<string, unknown>; correction: string | null };
  fields: readonly LabelField[];
  originalText: string;
  allowCorrection: boolean;
  /** Replaces the gold document's text; absent once the item has gold. */
  onUseCorrection?: (text: string) => void;
  isEditorReady: boolean;
};

/**
 * A collaborative item's shared answer and correction as its annotators left them: where a lead deciding
 * an escalated item starts, beside the approvals (which may be of earlier versions).
 */
export function SharedAnswerCard({ answer, fields, originalText, allowCorrection, onUseCorrection, isEditorReady }: SharedAnswerCardProps) {
  return (
    <Card aria-label="Shared answer as it stands" role="group" className="space-y-3 px-4 py-3">
      <div>
        <h3 className="text-sm font-semibold text-zinc-900">Shared answer as it stands</h3>
        <p className="text-xs text-zinc-500">What the annotators wrote together, approved or not; fields still empty are left out.</p>
      </div>
      <ValuesList fields={fields} values={answer.values} />
      {allowCorrection && (
        <div>
          <h4 className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Shared correction</h4>
          <div className="mt-1">
            {answer.correction === null ? (
              <p className="text-sm text-zinc-500">The original output, unchanged.</p>
            ) : (
              <CorrectionDiff original={originalText} corrected={answer.correction} label="Shared correction" />
            )}
          </div>
        </div>
      )}
      {allowCorrection && onUseCorrection && answer.correction !== null && (
        <Button size="sm" variant="secondary" disabled={!isEditorReady} onClick={() => onUseCorrection(answer.correction ?? originalText)}>
          Use the shared correction
        </Button>
      )}
    </Card>
  );
}
