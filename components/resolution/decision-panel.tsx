"use client";

import { useId, useRef, useState } from "react";
import { CollabEditor, type CollabEditorHandle } from "@/components/collab/collab-editor";
import { adjudicationDraftKey, EMPTY_LABEL_DRAFT, parseLabelDraft } from "@/components/review/label-draft";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Kbd } from "@/components/ui/kbd";
import { useSessionDraft } from "@/components/ui/session-draft";
import { findFieldProblems } from "@/components/labels/answer-check";
import { describeNumberKeys } from "@/components/labels/field-stops";
import { LabelFields } from "@/components/labels/label-fields";
import { useFieldStops } from "@/components/labels/use-field-stops";
import type { LabelValues } from "@/server/labels/answer-values";
import type { SchemaField } from "@/server/labels/field-types";
import { answerFields, correctionField } from "@/server/labels/label-schema";
import { useShortcutHints } from "@/components/shell/page-shortcuts";
import { useDecisionKeys } from "./use-decision-keys";

export type Decision = { values: LabelValues; correctionState: string | undefined; note: string | undefined };

type DecisionPanelProps = {
  projectId: string;
  queueItemId: number;
  /** The queue's fields, the corrected output among them where the lead put it. */
  schemaFields: readonly SchemaField[];
  /** Answers per option of each choice field. */
  votes: Record<string, Record<string, number>>;
  goldDocumentKey: string;
  originalText: string;
  userName: string;
  isBusy: boolean;
  error: string | undefined;
  onEditorReady: (handle: CollabEditorHandle) => void;
  onFinalize: (decision: Decision) => void;
  /** Where the decision starts when the lead has none in progress: a collaborative item's shared answer. */
  startingValues?: LabelValues;
};

/** The lead's decision: the gold label, the shared gold correction (live with reviewers), a note, and finalize. */
export function DecisionPanel(props: DecisionPanelProps) {
  const { projectId, queueItemId, schemaFields, votes, goldDocumentKey, originalText, userName, isBusy, error, onEditorReady, onFinalize, startingValues } = props;
  const fields = answerFields({ fields: schemaFields });
  const correction = correctionField({ fields: schemaFields });
  const allowCorrection = correction !== undefined;
  // The chosen label and the note survive a reload, as the gold correction does in its shared document.
  const initialDraft = startingValues ? { ...EMPTY_LABEL_DRAFT, values: startingValues } : EMPTY_LABEL_DRAFT;
  const [draft, setDraft] = useSessionDraft(adjudicationDraftKey(queueItemId), initialDraft, (stored) => parseLabelDraft(stored, fields));
  const { values, note } = draft;
  const [problem, setProblem] = useState<string | null>(null);
  const [hasTriedFinalize, setHasTriedFinalize] = useState(false);
  const problems = hasTriedFinalize ? findFieldProblems(fields, values) : {};
  const editor = useRef<CollabEditorHandle | null>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const noteId = useId();

  function answer(next: LabelValues) {
    setDraft({ ...draft, values: next });
    setProblem(null);
  }
  const stops = useFieldStops(schemaFields, values, answer);

  function finalize() {
    if (isBusy) return;
    setHasTriedFinalize(true);
    if (stops.goToFirstProblem()) return setProblem("Answer the highlighted fields first.");
    if (allowCorrection && !editor.current) return setProblem("The gold correction is still connecting; try again in a moment.");
    setProblem(null);
    onFinalize({ values, correctionState: allowCorrection ? editor.current?.getStateAsBase64() : undefined, note: note.trim() || undefined });
  }

  useShortcutHints([
    ...stops.moveShortcuts(() => {}),
    ...(stops.activeKeys && stops.activeKeys.count > 0 ? [{ keys: [describeNumberKeys(stops.activeKeys.count)], label: `Answer the active field (now ${stops.activeKeys.title})`, run: () => {} }] : []),
    ...(fields.some((field) => field.type === "free_text" || field.type === "number") ? [{ keys: ["Esc"], label: "Leave a field's text box", run: () => {} }] : []),
    ...(stops.comparesCandidates ? [{ keys: ["A", "B", "T"], label: "Candidate A is better, B is better, or a tie", run: () => {} }] : []),
    ...(allowCorrection ? [{ keys: ["E"], label: "Edit the gold correction (Esc leaves it)", run: () => {} }] : []),
    { keys: ["N"], label: "Write the note", run: () => {} },
    { keys: ["Enter"], label: "Finalize gold (Ctrl+Enter inside a text field or the editor)", run: () => {} },
  ]);
  useDecisionKeys({
    isEnabled: true,
    pickNumber: stops.pickNumber,
    moveField: stops.moveField,
    pickPairwise: stops.pickPairwise,
    onFocusEditor: allowCorrection ? () => editor.current?.focus() : undefined,
    onFocusNote: () => noteField.current?.focus(),
    onFinalize: finalize,
  });

  return (
    <Card aria-label="Your decision" role="region">
      <CardHeader
        title="Your decision"
        description="The reviewers who labelled this item can open the gold document and watch, or help, while you edit."
      />
      <div className="space-y-6 px-5 py-5">
        <LabelFields
          fields={schemaFields}
          values={values}
          onChange={answer}
          activeStop={stops.activeStop}
          onActivate={stops.setActiveStop}
          problems={problems}
          votes={votes}
          correction={
            correction && {
              isShared: true,
              editor: (
                <CollabEditor
                  projectId={projectId}
                  documentKey={goldDocumentKey}
                  originalText={originalText}
                  mode="edit"
                  userName={userName}
                  label={`${correction.title} (gold)`}
                  onReady={(handle) => {
                    editor.current = handle;
                    onEditorReady(handle);
                  }}
                />
              ),
              keyHint: (
                <>
                  <Kbd>e</Kbd> edits, <Kbd>Esc</Kbd> leaves the editor. Use a reviewer&apos;s correction above to start from theirs.
                </>
              ),
            }
          }
        />
        <div className="space-y-1.5">
          <label htmlFor={noteId} className="flex items-center gap-2 text-sm font-medium text-zinc-800">
            Note <span className="font-normal text-zinc-500">(optional; shown with the gold and kept in the audit log)</span> <Kbd>n</Kbd>
          </label>
          <textarea
            id={noteId}
            ref={noteField}
            rows={2}
            value={note}
            maxLength={5_000}
            placeholder="Why this label: what the reviewers missed, or what the rubric should say."
            onChange={(event) => setDraft({ ...draft, note: event.target.value })}
            className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none"
          />
        </div>
        {(problem ?? error) && <Alert tone="error">{problem ?? error}</Alert>}
        <div className="flex flex-wrap items-center justify-end gap-3 border-t border-zinc-100 pt-4">
          <span className="text-xs text-zinc-500">
            <Kbd>Enter</Kbd> or <Kbd>Ctrl</Kbd> <Kbd>Enter</Kbd> in a field
          </span>
          <Button isBusy={isBusy} onClick={finalize}>
            Finalize gold
          </Button>
        </div>
      </div>
    </Card>
  );
}
