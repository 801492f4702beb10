"use client";

import { useEffect, useRef, useState } from "react";
import { CollabEditor, type CollabEditorHandle } from "@/components/collab/collab-editor";
import { usePageShortcuts } from "@/components/shell/page-shortcuts";
import { ShortcutsDialog } from "@/components/shell/shortcuts-dialog";
import { EarlierTurns } from "@/components/threads/earlier-turns";
import { useAssignmentThread } from "@/components/threads/use-thread";
import type { Shortcut } from "@/components/shell/use-shortcuts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/form-errors";
import { findFieldProblems } from "@/components/labels/answer-check";
import { describeNumberKeys } from "@/components/labels/field-stops";
import { LabelFields } from "@/components/labels/label-fields";
import { useFieldStops } from "@/components/labels/use-field-stops";
import type { LabelValues } from "@/server/labels/answer-values";
import { answerFields, correctionField } from "@/server/labels/label-schema";
import { Kbd } from "@/components/ui/kbd";
import { discardDraft, useSessionDraft } from "@/components/ui/session-draft";
import { EMPTY_LABEL_DRAFT, parseLabelDraft, reviewDraftKey } from "./label-draft";
import { NoteInput } from "./label-form";
import { LeaseCountdown } from "./lease-countdown";
import { SkipDialog } from "./skip-dialog";
import { InstructionsPanel, TaskView } from "./task-view";
import type { ReviewState, useReviewQueue } from "./use-review-queue";
import { useReviewKeys } from "./use-review-keys";
import { CandidateSidesProvider } from "@/components/outputs/candidate-sides";

type ReadyState = Extract<ReviewState, { phase: "ready" }>;
export type TaskReviewProps = {
  projectId: string;
  userName: string;
  state: ReadyState;
  review: ReturnType<typeof useReviewQueue>;
  isInstructionsOpen: boolean;
  onToggleInstructions: () => void;
};

const MAX_TIME_SPENT_MS = 86_400_000;

/** One item under review: what to judge on the left, the answer on the right. Remounted for every item. */
export function TaskReview({ projectId, userName, state, review, isInstructionsOpen, onToggleInstructions }: TaskReviewProps) {
  const { task } = state;
  const { labelSchema } = task.queue;
  const fields = answerFields(labelSchema);
  const correction = correctionField(labelSchema);
  // The chosen label and the note survive a reload, as the correction does in its collaboration document.
  // A queue that shows suggestions starts on the suggested answer; the annotator's own choice replaces it.
  const draftKey = reviewDraftKey(task.assignment.id);
  const initialDraft = task.suggestion ? { ...EMPTY_LABEL_DRAFT, values: task.suggestion.values } : EMPTY_LABEL_DRAFT;
  const [draft, setDraft] = useSessionDraft(draftKey, initialDraft, (stored) => parseLabelDraft(stored, fields));
  const { values, note } = draft;
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  const [dialog, setDialog] = useState<"skip" | "help" | null>(null);
  // Loaded beside the item, never before it: the item shows at once and the earlier turns fold in when they arrive.
  const thread = useAssignmentThread(projectId, task.assignment.id).data;
  const hasThread = (thread?.turns.length ?? 0) > 0;
  const [isThreadOpen, setIsThreadOpen] = useState(false);
  const toggleThread = () => setIsThreadOpen((isOpen) => !isOpen);
  const editor = useRef<CollabEditorHandle | null>(null);
  const noteInput = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const startedAt = useRef(0);
  useEffect(() => {
    startedAt.current = Date.now();
    heading.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, []);

  const allowsNote = labelSchema.allowNote;
  const documentKey = correction ? task.correctionDocumentKey : null;
  const isBusy = review.isSubmitting || review.isSkipping || review.isAdvancing;

  function answer(next: LabelValues) {
    review.resetErrors();
    setDraft({ ...draft, values: next });
  }
  // A refusal can land below the fold (a long form): bring it into view, as it explains why the item is back.
  const refusal = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (review.submitError) refusal.current?.scrollIntoView({ block: "nearest" });
  }, [review.submitError]);
  const stops = useFieldStops(documentKey ? labelSchema.fields : fields, values, answer);
  // Once a submit was tried, each field's problem shows under it and clears as it is fixed; the server's own
  // refusal of a field (values.<key>) shows there too.
  const problems: Record<string, string | undefined> = hasTriedSubmit ? findFieldProblems(fields, values) : {};
  // The server names the field, or a part of it (`values.issues.0`, `values.rubric.tone`); the message goes under the field.
  const refusedPath = review.submitError?.data?.field ?? "";
  for (const field of fields) {
    if (refusedPath === `values.${field.key}` || refusedPath.startsWith(`values.${field.key}.`)) problems[field.key] ??= review.submitError?.message.replace(/^values\.\S+: /, "");
  }

  async function submit() {
    if (isBusy) return;
    setHasTriedSubmit(true);
    if (stops.goToFirstProblem()) return;
    await review
      .submit({
        values,
        note: allowsNote && note.trim() ? note.trim() : undefined,
        correctionState: editor.current?.getStateAsBase64(),
        schemaVersion: task.queue.schemaVersion,
        timeSpentMs: Math.min(Date.now() - startedAt.current, MAX_TIME_SPENT_MS),
      })
      .then(
        () => discardDraft(draftKey),
        // The mutation keeps the error; it is shown above the buttons.
        () => undefined,
      );
  }

  // The review keys stop "?" from reaching the shell, so this page's dialog also lists what its parts (the editor's diff switch) listen to.
  const partShortcuts = usePageShortcuts();

  const shortcuts: Shortcut[] = [
    ...stops.moveShortcuts(() => stops.moveField(1)),
    ...(stops.activeKeys && stops.activeKeys.count > 0 ? [{ keys: [describeNumberKeys(stops.activeKeys.count)], label: `Answer the active field (now ${stops.activeKeys.title})`, run: () => {} }] : []),
    ...(fields.some((field) => field.type === "free_text" || field.type === "number") ? [{ keys: ["Esc"], label: "Leave a field's text box", run: () => {} }] : []),
    { keys: ["Enter"], label: "Submit (Ctrl+Enter inside the note or the editor)", run: () => void submit() },
    ...(documentKey ? [{ keys: ["E"], label: "Edit the corrected output (Esc leaves it)", run: () => editor.current?.focus() }] : []),
    ...(allowsNote ? [{ keys: ["N"], label: "Write a note", run: () => noteInput.current?.focus() }] : []),
    { keys: ["S"], label: "Skip with a reason", run: () => setDialog("skip") },
    { keys: ["I"], label: "Show or hide the instructions", run: onToggleInstructions },
    ...(stops.comparesCandidates ? [{ keys: ["A", "B", "T"], label: "Candidate A is better, B is better, or a tie", run: () => {} }] : []),
    ...(hasThread ? [{ keys: ["H"], label: "Show or hide the earlier turns of the conversation", run: toggleThread }] : []),
    ...partShortcuts,
    { keys: ["?"], label: "Show these shortcuts", run: () => setDialog("help") },
  ];
  useReviewKeys({
    pickNumber: stops.pickNumber,
    moveField: stops.moveField,
    submit: () => void submit(),
    openSkip: () => setDialog("skip"),
    showHelp: () => setDialog("help"),
    toggleInstructions: onToggleInstructions,
    toggleThread: hasThread ? toggleThread : undefined,
    pickPairwise: stops.pickPairwise,
    focusNote: allowsNote ? () => noteInput.current?.focus() : undefined,
    focusCorrection: documentKey ? () => editor.current?.focus() : undefined,
  });

  return (
    <CandidateSidesProvider queueItemId={task.assignment.queueItemId}>
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="min-w-0 space-y-4 lg:col-span-3">
          <InstructionsPanel instructions={task.queue.instructions} isOpen={isInstructionsOpen} onToggle={onToggleInstructions} />
          {thread && <EarlierTurns turns={thread.turns} total={thread.total} isOpen={isThreadOpen} onToggle={toggleThread} shortcut="H" />}
          <TaskView task={task} headingRef={heading} />
        </div>
        <Card className="h-fit min-w-0 space-y-5 p-5 lg:col-span-2">
          <div className="flex items-center justify-between gap-2 text-xs">
            <h2 className="text-base font-semibold text-zinc-900">Your answer</h2>
            {!state.leaseError && <LeaseCountdown expiresAt={state.leaseExpiresAt} />}
          </div>
          {state.leaseError && (
            <Alert tone="error" title="This item is no longer yours">
              <p>{state.leaseError}</p>
              <Button size="sm" variant="secondary" className="mt-2" onClick={() => void review.moveOn()}>
                Next item
              </Button>
            </Alert>
          )}
          {task.suggestion && (
            <p className="text-xs text-zinc-500">
              Suggested by <span className="font-medium text-zinc-700">{task.suggestion.source}</span>: pre-selected below. Judge it yourself and change it if it is wrong.
            </p>
          )}
          <LabelFields
            fields={labelSchema.fields}
            values={values}
            onChange={answer}
            activeStop={stops.activeStop}
            onActivate={stops.setActiveStop}
            problems={problems}
            correction={
              correction && documentKey
                ? {
                    editor: <CollabEditor projectId={projectId} documentKey={documentKey} originalText={task.originalText} mode="edit" userName={userName} label={correction.title} onReady={(handle) => (editor.current = handle)} />,
                    keyHint: (
                      <>
                        <Kbd>E</Kbd> to edit, <Kbd>Esc</Kbd> to leave. Leave it unchanged if the output needs no correction.
                      </>
                    ),
                  }
                : undefined
            }
          />
          {allowsNote && <NoteInput value={note} onChange={(text) => setDraft({ ...draft, note: text })} inputRef={noteInput} />}
          {review.submitError && (
            <div ref={refusal}>
              <Alert tone="error" title="Not submitted">
                <p>{errorMessage(review.submitError)}</p>
                {/* A refusal of the assignment itself (its lease went to someone else, the item is settled) cannot be fixed here. */}
                {review.submitError.data?.field === "assignmentId" && (
                  <Button size="sm" variant="secondary" className="mt-2" onClick={() => void review.moveOn()}>
                    Next item
                  </Button>
                )}
                {review.submitError.data?.field === "schemaVersion" && (
                  <Button size="sm" variant="secondary" className="mt-2" onClick={() => void review.reloadTask()}>
                    Show the new label
                  </Button>
                )}
              </Alert>
            </div>
          )}
          <div className="flex items-center justify-between gap-2 border-t border-zinc-100 pt-4">
            <Button variant="secondary" onClick={() => setDialog("skip")} disabled={isBusy}>
              Skip
              <span aria-hidden>
                <Kbd>S</Kbd>
              </span>
            </Button>
            <Button onClick={() => void submit()} isBusy={review.isSubmitting || review.isAdvancing}>
              Submit
              <span aria-hidden className="rounded bg-white/15 px-1 font-mono text-[11px]">
                Enter
              </span>
            </Button>
          </div>
        </Card>
        <SkipDialog
          isOpen={dialog === "skip"}
          onClose={() => setDialog(null)}
          isBusy={review.isSkipping}
          error={review.skipError}
          onSkip={(input) =>
            void review.skip(input).then(
              () => discardDraft(draftKey),
              () => undefined,
            )
          }
        />
        <ShortcutsDialog isOpen={dialog === "help"} onClose={() => setDialog(null)} shortcuts={shortcuts} />
      </div>
    </CandidateSidesProvider>
  );
}
