import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DateTime } from "@/components/ui/date-time";
import { formatLabelValue } from "@/components/labels/format-value";
import { ValuesList } from "@/components/labels/values-list";
import type { LabelValue } from "@/server/labels/answer-values";
import type { LabelField } from "@/server/labels/field-types";
import { CorrectionDiff } from "./correction-diff";

export type AnnotationView = {
  annotatorId: string;
  annotatorName: string;
  values: Record<string, unknown>;
  note: string | null;
  correction: string | null;
  submittedAt: Date;
};

type AnnotationCardsProps = {
  annotations: AnnotationView[];
  fields: readonly LabelField[];
  originalText: string;
  allowCorrection: boolean;
  /** Replaces the gold document's text; absent once the item has gold. */
  onUseCorrection?: (text: string) => void;
  /** False until the gold document has synced, so a click is never lost. */
  isEditorReady: boolean;
};

/** Every reviewer's answer side by side: each field's value, note, and correction as a diff against the original. */
export function AnnotationCards({ annotations, fields, originalText, allowCorrection, onUseCorrection, isEditorReady }: AnnotationCardsProps) {
  return (
    <ul aria-label="Reviewers' answers" className={cn("grid gap-4", annotations.length > 1 && "md:grid-cols-2", annotations.length > 2 && "xl:grid-cols-3")}>
      {annotations.map((annotation) => {
        // A single field reads as a badge in the card's header; several are listed in the card.
        const [onlyField] = fields.length === 1 ? fields : [];
        return (
          <li key={annotation.annotatorId}>
            <Card aria-label={`${annotation.annotatorName}'s answer`} role="group" className="flex h-full flex-col">
              <div className="flex items-start justify-between gap-3 border-b border-zinc-100 px-4 py-3">
                <div>
                  <p className="text-sm font-semibold text-zinc-900">{annotation.annotatorName}</p>
                  <p className="text-xs text-zinc-500"><DateTime value={annotation.submittedAt} /></p>
                </div>
                {onlyField && <Badge tone="gold">{formatLabelValue(onlyField, annotation.values[onlyField.key] as LabelValue | undefined)}</Badge>}
              </div>
              <div className="flex-1 space-y-3 px-4 py-3">
                {!onlyField && <ValuesList fields={fields} values={annotation.values} />}
                <div>
                  <h4 className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Note</h4>
                  <p className={cn("mt-1 text-sm whitespace-pre-wrap", annotation.note ? "text-zinc-800" : "text-zinc-500")}>{annotation.note ?? "No note"}</p>
                </div>
                {allowCorrection && (
                  <div>
                    <h4 className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Correction</h4>
                    <div className="mt-1">
                      {annotation.correction === null ? (
                        <p className="text-sm text-zinc-500">Kept the original output unchanged.</p>
                      ) : (
                        <CorrectionDiff original={originalText} corrected={annotation.correction} label={`${annotation.annotatorName}'s correction`} />
                      )}
                    </div>
                  </div>
                )}
              </div>
              {allowCorrection && onUseCorrection && (
                <div className="border-t border-zinc-100 px-4 py-3">
                  <Button size="sm" variant="secondary" disabled={!isEditorReady} onClick={() => onUseCorrection(annotation.correction ?? originalText)}>
                    Use {annotation.annotatorName}&apos;s correction
                  </Button>
                </div>
              )}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
