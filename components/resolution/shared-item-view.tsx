"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { CollabEditor } from "@/components/collab/collab-editor";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { FinalGoldCard } from "./final-gold-card";
import { GoldHistory } from "./gold-history";
import { ItemStateBadge } from "./item-state-badge";
import { OutputPanel } from "./output-panel";
import { useSharedItem } from "./use-resolution";
import { answerFields, correctionField } from "@/server/labels/label-schema";
import { CandidateSidesProvider } from "@/components/outputs/candidate-sides";

type SharedItemViewProps = { projectId: string; slug: string; queueItemId: number; userName: string; action?: ReactNode };

/** What a reviewer sees of an item they labelled: the output and the shared gold document, never others' answers. */
export function SharedItemView({ projectId, slug, queueItemId, userName, action }: SharedItemViewProps) {
  const shared = useSharedItem(projectId, queueItemId);
  const { item, queue, output, originalText, gold } = shared;
  const isInConflict = item.state === "conflict";
  // An item with gold back in conflict was reopened by a lead to revise that gold.
  const isRevising = gold !== null && isInConflict;
  const mode = shared.canEdit ? "edit" : "watch";
  return (
    <CandidateSidesProvider queueItemId={queueItemId}>
      <>
        <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500">
          <Link href={`/p/${slug}/queues`} className="hover:text-zinc-800 hover:underline">
            Queues
          </Link>{" "}
          / <span className="font-mono text-zinc-800">{output.externalId}</span>
        </nav>
        <PageHeader
          title={gold ? "Gold" : isInConflict ? "Being adjudicated" : "Waiting for reviewers"}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <Badge>{queue.name}</Badge>
              <ItemStateBadge state={item.state} method={gold?.method} />
            </span>
          }
          action={action}
        />
        <div className="space-y-6">
          {gold && (
            <FinalGoldCard
              gold={gold}
              fields={answerFields(queue.labelSchema)}
              originalText={originalText}
              allowCorrection={queue.labelSchema.allowCorrection}
              title={isRevising ? "Current gold (being revised)" : "Final gold"}
            />
          )}
          {gold && <GoldHistory projectId={projectId} slug={slug} queueItemId={queueItemId} />}
          {!gold && !isInConflict && <Alert tone="info">Not every reviewer has answered yet. The item settles, or goes to a lead, once they have.</Alert>}
          <OutputPanel output={output} instructions={queue.instructions} />
          {isInConflict && queue.labelSchema.allowCorrection && (
            <Card>
              <CardHeader
                title="Shared gold correction"
                description={`${isRevising ? "A lead is revising this item's gold." : "Reviewers disagreed on this item, so a lead decides."} This document is shared: you see everyone's edits and cursors as they happen${mode === "edit" ? ", and can edit too" : ""}.`}
              />
              <div className="px-5 py-4">
                <CollabEditor projectId={projectId} documentKey={shared.goldDocumentKey} originalText={originalText} mode={mode} userName={userName} label={`${correctionField(queue.labelSchema)?.title ?? "Corrected output"} (gold)`} />
              </div>
            </Card>
          )}
          {isInConflict && !queue.labelSchema.allowCorrection && (
            <Alert tone="info">{isRevising ? "A lead is revising this item's gold label." : "Reviewers disagreed on this item, so a lead decides its label."}</Alert>
          )}
        </div>
      </>
    </CandidateSidesProvider>
  );
}
