"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import * as Y from "yjs";
import { encodeBase64 } from "@/components/collab/base64";
import { CollabEditorView, type CollabEditorHandle } from "@/components/collab/collab-editor";
import { CollabStatusLine } from "@/components/collab/collab-status";
import { buildPresenceUser } from "@/components/collab/presence";
import { useCollabSession } from "@/components/collab/use-collab-session";
import { findFieldProblems } from "@/components/labels/answer-check";
import { describeNumberKeys } from "@/components/labels/field-stops";
import { LabelFields } from "@/components/labels/label-fields";
import { useFieldStops } from "@/components/labels/use-field-stops";
import { usePageShortcuts } from "@/components/shell/page-shortcuts";
import { ShortcutsDialog } from "@/components/shell/shortcuts-dialog";
import type { Shortcut } from "@/components/shell/use-shortcuts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/form-errors";
import { Kbd } from "@/components/ui/kbd";
import { sharedDocumentKey } from "@/server/collab/schema";
import { answerFields, correctionField } from "@/server/labels/label-schema";
import { AuthorsLegend } from "./authors-legend";
import { EscalateDialog } from "./escalate-dialog";
import { SharedApprovals } from "./shared-approvals";
import { toSharedAuthors } from "./shared-authors";
import { SkipDialog } from "./skip-dialog";
import { InstructionsPanel, TaskView } from "./task-view";
import type { TaskReviewProps } from "./task-review";
import { useReviewKeys } from "./use-review-keys";
import { useSharedAnswer } from "./use-shared-answer";
import { useSharedItem } from "./use-shared-item";
import { CandidateSidesProvider } from "@/components/outputs/candidate-sides";


/**
 * One item of a collaborative queue: every annotator assigned to it edits one shared answer and one shared
 * correction live, sees who else is here and who wrote what, and approves the shared answer as it stands.
 * The item becomes gold when k of them approved the same version. Remounted for every item.
 */
export function SharedTaskReview({ projectId, userName, state, review, isInstructionsOpen, onToggleInstructions }: TaskReviewProps) {
  const { task } = state;
  const { labelSchema } = task.queue;
  const fields = answerFields(labelSchema);
  const correction = correctionField(labelSchema);
  const connection = useCollabSession({ projectId, documentKey: sharedDocumentKey(task.assignment.queueItemId), mode: "edit", userName });
  const [values, writeValues] = useSharedAnswer(connection.session?.doc ?? null);
  const { shared, approve, escalate } = useSharedItem(projectId, task.assignment.id, connection.session?.provider.awareness ?? null);
  const authors = useMemo(() => toSharedAuthors(shared?.authors ?? []), [shared?.authors]);
  // Once I have written here, my cursor takes my colour among the authors, so it matches my spans.
  const myColor = authors.legend.find((author) => author.name === userName)?.color;
  useEffect(() => {
    if (myColor) connection.session?.provider.awareness?.setLocalStateField("user", buildPresenceUser(userName, myColor));
  }, [connection.session, myColor, userName]);
  const [hasTriedApprove, setHasTriedApprove] = useState(false);
  const [dialog, setDialog] = useState<"skip" | "escalate" | "help" | null>(null);
  const editor = useRef<CollabEditorHandle | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, []);

  const isGold = shared?.itemState === "resolved";
  const isWithLead = shared?.itemState === "conflict";
  const isOpen = shared === undefined || shared.itemState === "pending" || shared.itemState === "in_review";
  const hasApproved = shared?.approvals.some((approval) => approval.isMine) ?? false;
  const canEdit = isOpen && connection.session !== null && !connection.status.isReadOnly && !connection.status.error;

  function answer(next: typeof values) {
    approve.reset();
    if (canEdit) writeValues(next);
  }
  const stops = useFieldStops(labelSchema.fields, values, answer);
  const problems: Record<string, string | undefined> = hasTriedApprove ? findFieldProblems(fields, values) : {};
  const refusedPath = approve.error?.data?.field ?? "";
  for (const field of fields) {
    if (refusedPath === `values.${field.key}` || refusedPath.startsWith(`values.${field.key}.`)) problems[field.key] ??= approve.error?.message.replace(/^values\.\S+: /, "");
  }

  function approveAsItStands() {
    const session = connection.session;
    if (!session || approve.isPending || !isOpen) return;
    setHasTriedApprove(true);
    if (stops.goToFirstProblem()) return;
    // This tab's copy goes along, so an edit made a moment ago counts even before the server has stored it.
    approve.mutate({ projectId, assignmentId: task.assignment.id, documentState: encodeBase64(Y.encodeStateAsUpdate(session.doc)) });
  }

  const partShortcuts = usePageShortcuts();
  const shortcuts: Shortcut[] = [
    ...stops.moveShortcuts(() => stops.moveField(1)),
    ...(stops.activeKeys && stops.activeKeys.count > 0 ? [{ keys: [describeNumberKeys(stops.activeKeys.count)], label: `Answer the active field (now ${stops.activeKeys.title})`, run: () => {} }] : []),
    ...(stops.comparesCandidates ? [{ keys: ["A", "B", "T"], label: "Candidate A is better, B is better, or a tie", run: () => {} }] : []),
    { keys: ["Ctrl+Enter"], label: "Approve the shared answer as it stands (Enter outside the editor)", run: approveAsItStands },
    ...(correction ? [{ keys: ["E"], label: "Edit the shared correction (Esc leaves it)", run: () => editor.current?.focus() }] : []),
    ...(hasApproved ? [] : [{ keys: ["S"], label: "Skip with a reason", run: () => setDialog("skip") }]),
    { keys: ["I"], label: "Show or hide the instructions", run: onToggleInstructions },
    ...partShortcuts,
    { keys: ["?"], label: "Show these shortcuts", run: () => setDialog("help") },
  ];
  useReviewKeys({
    pickNumber: stops.pickNumber,
    moveField: stops.moveField,
    pickPairwise: stops.pickPairwise,
    submit: approveAsItStands,
    openSkip: () => !hasApproved && setDialog("skip"),
    showHelp: () => setDialog("help"),
    toggleInstructions: onToggleInstructions,
    focusCorrection: correction ? () => editor.current?.focus() : undefined,
  });

  return (
    <CandidateSidesProvider queueItemId={task.assignment.queueItemId}>
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="min-w-0 space-y-4 lg:col-span-3">
          <InstructionsPanel instructions={task.queue.instructions} isOpen={isInstructionsOpen} onToggle={onToggleInstructions} />
          <TaskView task={task} headingRef={heading} />
        </div>
        <Card className="h-fit min-w-0 space-y-5 p-5 lg:col-span-2">
          <div className="space-y-1">
            <h2 className="text-base font-semibold text-zinc-900">Shared answer</h2>
            <p className="text-xs text-zinc-500">Everyone assigned to this item edits this answer together. It becomes gold when {shared?.needed ?? "all"} of you approve the same version; if you cannot agree, ask a lead.</p>
          </div>
          {state.leaseError && !hasApproved && (
            <Alert tone="error" title="This item is no longer yours">
              <p>{state.leaseError}</p>
            </Alert>
          )}
          {/* Once the item is gold or with a lead, its answer is read only. */}
          <fieldset disabled={!isOpen} className="min-w-0">
            <LabelFields
              fields={labelSchema.fields}
              values={values}
              onChange={answer}
              activeStop={stops.activeStop}
              onActivate={stops.setActiveStop}
              problems={problems}
              correction={
                correction && {
                  isShared: true,
                  editor: (
                    <div className="space-y-2">
                      <CollabEditorView
                        connection={connection}
                        originalText={task.originalText}
                        mode="edit"
                        userName={userName}
                        label={`${correction.title} (shared)`}
                        authors={authors.byClient}
                        onReady={(handle) => (editor.current = handle)}
                      />
                      <AuthorsLegend authors={authors.legend} userName={userName} />
                    </div>
                  ),
                  keyHint: (
                    <>
                      <Kbd>E</Kbd> to edit, <Kbd>Esc</Kbd> to leave. Everyone here edits this one text.
                    </>
                  ),
                }
              }
            />
          </fieldset>
          {!correction && <CollabStatusLine status={connection.status} isSynced={connection.session !== null} isEditable={canEdit} peers={connection.peers} userName={userName} />}
          {shared && <SharedApprovals approvals={shared.approvals} needed={shared.needed} />}
          {isGold && <Alert tone="success" title="This item is gold">Everyone approved the same version, or a lead decided it; it is now a gold label.</Alert>}
          {isWithLead && (
            <Alert title="A lead decides this item">
              <ul className="list-disc space-y-0.5 pl-4">
                {shared.conflictReasons.map((reason) => (
                  <li key={reason} className="break-words">
                    {reason}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          {approve.error && (
            <Alert tone="error" title="Not approved">
              {errorMessage(approve.error)}
            </Alert>
          )}
          <div className="flex flex-wrap items-center justify-between gap-2 border-t border-zinc-100 pt-4">
            {hasApproved || !isOpen ? (
              <Button variant="secondary" onClick={() => void review.moveOn()} isBusy={review.isAdvancing}>
                Next item
              </Button>
            ) : (
              <Button variant="secondary" onClick={() => setDialog("skip")} disabled={review.isSkipping}>
                Skip
                <span aria-hidden>
                  <Kbd>S</Kbd>
                </span>
              </Button>
            )}
            {isOpen && (
              <Button variant="secondary" className="ml-auto" onClick={() => setDialog("escalate")} disabled={escalate.isPending}>
                Ask a lead
              </Button>
            )}
            {isOpen && (
              <Button onClick={approveAsItStands} isBusy={approve.isPending} disabled={connection.session === null}>
                {hasApproved ? "Approve again" : "Approve"}
                <span aria-hidden className="rounded bg-white/15 px-1 font-mono text-[11px]">
                  Ctrl+Enter
                </span>
              </Button>
            )}
          </div>
        </Card>
        <SkipDialog isOpen={dialog === "skip"} onClose={() => setDialog(null)} isBusy={review.isSkipping} error={review.skipError} onSkip={(input) => void review.skip(input).catch(() => undefined)} />
        <EscalateDialog
          isOpen={dialog === "escalate"}
          onClose={() => setDialog(null)}
          isBusy={escalate.isPending}
          error={escalate.error}
          onEscalate={(reason) => escalate.mutate({ projectId, assignmentId: task.assignment.id, reason }, { onSuccess: () => setDialog(null) })}
        />
        <ShortcutsDialog isOpen={dialog === "help"} onClose={() => setDialog(null)} shortcuts={shortcuts} />
      </div>
    </CandidateSidesProvider>
  );
}
