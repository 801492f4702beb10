"use client";

import Link from "next/link";
import { useState } from "react";
import type { CollabEditorHandle } from "@/components/collab/collab-editor";
import { EarlierTurns } from "@/components/threads/earlier-turns";
import { useItemThread } from "@/components/threads/use-thread";
import { Alert } from "@/components/ui/alert";
import { adjudicationDraftKey } from "@/components/review/label-draft";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/form-errors";
import { PageHeader } from "@/components/ui/page-header";
import { discardDraft } from "@/components/ui/session-draft";
import { SharedAnswerCard } from "./shared-answer-card";
import { AnnotationCards } from "./annotation-cards";
import { CompareCorrections } from "./compare-corrections";
import { DecisionPanel, type Decision } from "./decision-panel";
import { FinalGoldCard } from "./final-gold-card";
import { ItemStateBadge } from "./item-state-badge";
import { countVotesByField } from "./label-value";
import { OutputPanel } from "./output-panel";
import { useAdjudication, useCancelReopen } from "./use-resolution";
import { answerFields } from "@/server/labels/label-schema";
import { CandidateSidesProvider } from "@/components/outputs/candidate-sides";

type AdjudicationViewProps = { projectId: string; slug: string; queueItemId: number; userName: string };

/** A lead settles a conflict: every answer side by side, then label, shared gold correction and finalize. */
export function AdjudicationView({ projectId, slug, queueItemId, userName }: AdjudicationViewProps) {
  const { conflict, finalize } = useAdjudication(projectId, queueItemId);
  const cancelRevision = useCancelReopen();
  const [editor, setEditor] = useState<CollabEditorHandle | null>(null);
  const thread = useItemThread(projectId, queueItemId).data;
  const [isThreadOpen, setIsThreadOpen] = useState(false);
  const { item, queue, output, signals, originalText, annotations, gold, revision, sharedAnswer } = conflict;
  // A reopened item keeps its gold current while the lead decides the one that replaces it.
  const isDeciding = !gold || revision !== null;
  const itemHref = `/p/${slug}/items/${queueItemId}`;
  const fields = answerFields(queue.labelSchema);
  const allowCorrection = queue.labelSchema.allowCorrection;
  const conflictsHref = `/p/${slug}/conflicts`;
  // Losing the race to another lead is expected, not a failure: say who won and show their gold.
  const isLostRace = finalize.error?.data?.code === "CONFLICT";

  function submit(decision: Decision) {
    finalize.mutate(
      { projectId, queueItemId, values: decision.values, correctionState: decision.correctionState, note: decision.note },
      { onSuccess: () => discardDraft(adjudicationDraftKey(queueItemId)) },
    );
  }

  return (
    <CandidateSidesProvider queueItemId={queueItemId}>
      <>
        <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500">
          <Link href={conflictsHref} className="hover:text-zinc-800 hover:underline">
            Conflicts
          </Link>{" "}
          / <span className="font-mono text-zinc-800">{output.externalId}</span>
        </nav>
        <PageHeader
          title={revision ? "Revise gold" : gold ? "Adjudicated" : "Adjudicate"}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <Badge>{queue.name}</Badge>
              <ItemStateBadge state={item.state} method={gold?.method} />
              {item.reasons.map((reason) => (
                <Badge key={reason} tone={isDeciding ? "red" : "neutral"}>
                  {reason}
                </Badge>
              ))}
            </span>
          }
          action={
            <span className="flex gap-2">
              {gold && (
                <Link href={itemHref} className="rounded-md px-3 py-2 text-sm font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50">
                  Gold history
                </Link>
              )}
              <Link href={conflictsHref} className="rounded-md px-3 py-2 text-sm font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50">
                Back to conflicts
              </Link>
            </span>
          }
        />
        <div className="space-y-6">
          {isLostRace && (
            <Alert tone="error" title="Someone else finalized this item first">
              {finalize.error?.message}. Their gold is below; your decision was not saved.
            </Alert>
          )}
          {finalize.isSuccess && (
            <Alert tone="success" title="Gold saved">
              The item is resolved and will be in the next dataset release. <Link href={conflictsHref} className="font-medium underline">Next conflict</Link>
            </Alert>
          )}
          {revision && (
            <Alert title={`Revision requested by ${revision.requestedByName ?? "a lead"}`}>
              <p className="break-words">Reason: {revision.reason}</p>
              <p className="mt-1">The current gold below stays in datasets until you finalize a new one, which then supersedes it.</p>
              <div className="mt-3 flex flex-wrap gap-2">
                {allowCorrection && gold?.correction && (
                  <Button size="sm" variant="secondary" disabled={editor === null} onClick={() => editor?.replaceText(gold.correction ?? "")}>
                    Start from the current gold&apos;s correction
                  </Button>
                )}
                <Button size="sm" variant="secondary" isBusy={cancelRevision.isPending} onClick={() => cancelRevision.mutate({ projectId, queueItemId })}>
                  Cancel the revision
                </Button>
              </div>
              {cancelRevision.error && <p className="mt-2 text-sm text-red-700">{errorMessage(cancelRevision.error)}</p>}
            </Alert>
          )}
          {gold && (
            <FinalGoldCard gold={gold} fields={fields} originalText={originalText} allowCorrection={allowCorrection} title={revision ? "Current gold (being revised)" : "Final gold"} />
          )}
          {thread && <EarlierTurns turns={thread.turns} total={thread.total} isOpen={isThreadOpen} onToggle={() => setIsThreadOpen((isOpen) => !isOpen)} />}
          <OutputPanel output={output} signals={signals} instructions={queue.instructions} />
          {(
            <section aria-labelledby="answers-heading" className="space-y-3">
              <h2 id="answers-heading" className="text-base font-semibold text-zinc-900">
                Reviewers&apos; answers <span className="font-normal text-zinc-500">({annotations.length})</span>
              </h2>
              {sharedAnswer && (
                <SharedAnswerCard
                  answer={sharedAnswer}
                  fields={fields}
                  originalText={originalText}
                  allowCorrection={allowCorrection}
                  onUseCorrection={isDeciding ? (text) => editor?.replaceText(text) : undefined}
                  isEditorReady={editor !== null}
                />
              )}
              <AnnotationCards
                annotations={annotations}
                fields={fields}
                originalText={originalText}
                allowCorrection={allowCorrection}
                onUseCorrection={isDeciding ? (text) => editor?.replaceText(text) : undefined}
                isEditorReady={editor !== null}
              />
              {allowCorrection && <CompareCorrections originalText={originalText} annotations={annotations} />}
            </section>
          )}
          {isDeciding && (
            <DecisionPanel
              projectId={projectId}
              queueItemId={queueItemId}
              schemaFields={queue.labelSchema.fields}
              votes={countVotesByField(fields, annotations)}
              goldDocumentKey={conflict.goldDocumentKey}
              originalText={originalText}
              userName={userName}
              isBusy={finalize.isPending}
              error={isLostRace ? undefined : errorMessage(finalize.error)}
              onEditorReady={setEditor}
              onFinalize={submit}
              startingValues={sharedAnswer?.values}
            />
          )}
        </div>
      </>
    </CandidateSidesProvider>
  );
}
