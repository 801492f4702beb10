"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { CollabEditor, type CollabEditorHandle } from "@/components/collab/collab-editor";
import { findFieldProblems } from "@/components/labels/answer-check";
import { LabelFields } from "@/components/labels/label-fields";
import { useFieldStops } from "@/components/labels/use-field-stops";
import { useDecisionKeys } from "@/components/resolution/use-decision-keys";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/form-errors";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import type { LabelValues } from "@/server/labels/answer-values";
import { answerFields, correctionField } from "@/server/labels/label-schema";
import { NoteInput } from "./label-form";
import { RecentAnswers } from "./recent-answers";
import { TaskView } from "./task-view";
import { CandidateSidesProvider } from "@/components/outputs/candidate-sides";

type AnswerEditorProps = { projectId: string; slug: string; queueId: string; assignmentId: number; userName: string };

/**
 * One of the caller's own answers, shown with the item as it was reviewed. While the item still collects
 * answers the form is live: J/K, 1–9 and Enter work as on the review page, and saving keeps the old answer
 * as a revision. Once the item has an outcome the answer is shown read-only, with why.
 */
export function AnswerEditor({ projectId, slug, queueId, assignmentId, userName }: AnswerEditorProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const task = useSuspenseQuery(trpc.review.get.queryOptions({ projectId, assignmentId })).data;
  const answer = useSuspenseQuery(trpc.review.getAnswer.queryOptions({ projectId, assignmentId })).data;
  const recent = useSuspenseQuery(trpc.review.recentAnswers.queryOptions({ projectId, queueId })).data;
  const save = useMutation(
    trpc.review.editAnswer.mutationOptions({
      onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.review.getAnswer.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.review.recentAnswers.queryKey() })]),
    }),
  );
  const { labelSchema } = task.queue;
  const { allowNote } = labelSchema;
  const fields = answerFields(labelSchema);
  const correction = correctionField(labelSchema);
  const allowCorrection = correction !== undefined;
  const [values, setValues] = useState<LabelValues>(answer.values as LabelValues);
  const [note, setNote] = useState(answer.note ?? "");
  const [hasTriedSave, setHasTriedSave] = useState(false);
  const editor = useRef<CollabEditorHandle | null>(null);
  const noteInput = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const stops = useFieldStops(task.correctionDocumentKey ? labelSchema.fields : fields, values, (next) => {
    save.reset();
    setValues(next);
  });
  const problems = hasTriedSave ? findFieldProblems(fields, values) : {};
  const reviewHref = `/p/${slug}/queues/${queueId}/review`;
  const index = recent.findIndex((entry) => entry.assignmentId === assignmentId);
  const older = index >= 0 ? recent[index + 1] : undefined;
  const newer = index > 0 ? recent[index - 1] : undefined;
  useEffect(() => heading.current?.focus({ preventScroll: true }), [assignmentId]);

  function submit() {
    if (!answer.isChangeable || save.isPending) return;
    setHasTriedSave(true);
    if (stops.goToFirstProblem()) return;
    save.mutate({ projectId, assignmentId, values, note: allowNote && note.trim() ? note.trim() : undefined, correctionState: allowCorrection ? editor.current?.getStateAsBase64() : undefined });
  }

  useDecisionKeys({
    isEnabled: answer.isChangeable,
    pickNumber: stops.pickNumber,
    moveField: stops.moveField,
    pickPairwise: stops.pickPairwise,
    onFocusEditor: allowCorrection ? () => editor.current?.focus() : undefined,
    onFocusNote: allowNote ? () => noteInput.current?.focus() : undefined,
    onFinalize: submit,
  });
  useShortcuts([
    // On a pairwise queue B answers "B is better", so going back takes Backspace there.
    { keys: [stops.comparesCandidates ? "Backspace" : "b"], label: "Back to reviewing", run: () => router.push(reviewHref) },
    ...(stops.comparesCandidates ? [{ keys: ["A", "B", "T"], label: "Candidate A is better, B is better, or a tie", run: () => {} }] : []),
    ...(older ? [{ keys: ["["], label: "Your answer before this one", run: () => router.push(`${reviewHref}/answers/${older.assignmentId}`) }] : []),
    ...(newer ? [{ keys: ["]"], label: "Your answer after this one", run: () => router.push(`${reviewHref}/answers/${newer.assignmentId}`) }] : []),
  ]);

  return (
    <CandidateSidesProvider queueItemId={task.assignment.queueItemId}>
      <>
        <PageHeader
          title="Your answer"
          description={answer.revision > 1 ? `Changed ${answer.revision - 1} ${answer.revision === 2 ? "time" : "times"} since you first submitted it.` : "As you submitted it."}
          action={
            <span className="flex flex-wrap items-center gap-2 text-sm">
              {older && (
                <Link href={`${reviewHref}/answers/${older.assignmentId}`} className="rounded-md px-3 py-2 font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50">
                  Previous <Kbd>[</Kbd>
                </Link>
              )}
              {newer && (
                <Link href={`${reviewHref}/answers/${newer.assignmentId}`} className="rounded-md px-3 py-2 font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50">
                  Next <Kbd>]</Kbd>
                </Link>
              )}
              <Link href={reviewHref} className="rounded-md bg-zinc-900 px-3 py-2 font-medium text-white hover:bg-zinc-700">
                Back to reviewing <Kbd>b</Kbd>
              </Link>
            </span>
          }
        />
        <div className="grid gap-6 lg:grid-cols-5">
          <div className="min-w-0 space-y-4 lg:col-span-3">
            <TaskView task={task} headingRef={heading} />
            <RecentAnswers answers={recent} baseHref={`${reviewHref}/answers`} currentId={assignmentId} />
          </div>
          <Card className="h-fit min-w-0 space-y-5 p-5 lg:col-span-2">
            <h2 className="text-base font-semibold text-zinc-900">Your answer</h2>
            {!answer.isChangeable && (
              <Alert title="This answer is final">
                {answer.itemState === "resolved" ? "The item is gold now; a lead can revise its gold." : "The item went to a lead, who decides it now."}
              </Alert>
            )}
            <fieldset disabled={!answer.isChangeable} className="space-y-5">
              <LabelFields
                fields={labelSchema.fields}
                values={values}
                onChange={(next) => setValues(next)}
                activeStop={stops.activeStop}
                onActivate={stops.setActiveStop}
                problems={problems}
                correction={
                  correction && task.correctionDocumentKey
                    ? {
                        editor: (
                          <CollabEditor
                            projectId={projectId}
                            documentKey={task.correctionDocumentKey}
                            originalText={task.originalText}
                            mode={answer.isChangeable ? "edit" : "watch"}
                            userName={userName}
                            label={correction.title}
                            onReady={(handle) => (editor.current = handle)}
                          />
                        ),
                        keyHint: (
                          <>
                            <Kbd>E</Kbd> to edit, <Kbd>Esc</Kbd> to leave.
                          </>
                        ),
                      }
                    : undefined
                }
              />
              {allowNote && <NoteInput value={note} onChange={setNote} inputRef={noteInput} />}
            </fieldset>
            {save.error && <Alert tone="error" title="Not saved">{errorMessage(save.error)}</Alert>}
            {save.isSuccess && <Alert tone="success">Saved. Your earlier answer is kept in the item&apos;s history.</Alert>}
            {answer.isChangeable && (
              <div className="flex justify-end border-t border-zinc-100 pt-4">
                <Button onClick={submit} isBusy={save.isPending}>
                  Save changes
                  <span aria-hidden className="rounded bg-white/15 px-1 font-mono text-[11px]">
                    Enter
                  </span>
                </Button>
              </div>
            )}
          </Card>
        </div>
      </>
    </CandidateSidesProvider>
  );
}
