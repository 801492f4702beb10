"use client";

import type { ProjectRole } from "@/server/auth/roles";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { QueueTabs } from "@/components/queues/queue-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/components/ui/cn";
import type { Granularity } from "@/server/metrics/catalog";
import { AgreementTiles } from "./agreement-tiles";
import { AlphaOverTimeCard } from "./alpha-over-time-card";
import { AnnotatorAgreementTable } from "./annotator-agreement-table";
import { JudgeTable } from "./judge-table";
import { KappaMatrixCard } from "./kappa-matrix-card";
import { useQueueAgreement, type FieldAgreementData } from "./use-agreement";
import { QueueBreadcrumb } from "@/components/queues/queue-breadcrumb";

function FieldSwitch({ fields, value, onChange }: { fields: readonly FieldAgreementData[]; value: string; onChange: (key: string) => void }) {
  if (fields.length < 2) return null;
  return (
    <div role="group" aria-label="Field" className="inline-flex rounded-md bg-zinc-100 p-0.5">
      {fields.map((field) => (
        <button
          key={field.key}
          type="button"
          aria-pressed={value === field.key}
          onClick={() => onChange(field.key)}
          className={cn("rounded px-3 py-1.5 text-sm font-medium", value === field.key ? "bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200" : "text-zinc-600 hover:text-zinc-900")}
        >
          {field.title}
        </button>
      ))}
    </div>
  );
}

function NotEnoughAnswers({ slug, queueId }: { slug: string; queueId: string }) {
  return (
    <EmptyState title="Agreement needs items with two or more answers">
      <p>
        Agreement compares annotators on the same items: α, Fleiss&apos; κ and the pairwise matrix appear here once items have answers from two or
        more people. A queue&apos;s overlap is set when it is created; if{" "}
        <Link href={`/p/${slug}/queues/${queueId}`} className="font-medium text-zinc-700 underline underline-offset-2">
          this queue
        </Link>{" "}
        has one reviewer per item, create one with an overlap of 2 or more; otherwise keep reviewing. Decoy answers and gold checks never count.
      </p>
    </EmptyState>
  );
}

/** The queue's Agreement page: tiles with intervals, α over time, the pairwise κ matrix, annotators and judges. */
export function AgreementDashboard({ projectId, slug, queueId, role }: { projectId: string; slug: string; queueId: string; role: ProjectRole }) {
  const [granularity, setGranularity] = useState<Granularity>("day");
  const [isSwitching, startSwitch] = useTransition();
  const agreement = useQueueAgreement(projectId, queueId, granularity);
  const [fieldKey, setFieldKey] = useState(agreement.fields[0]?.key ?? "");
  const field = agreement.fields.find((candidate) => candidate.key === fieldKey) ?? agreement.fields[0]!;
  const names = new Map(agreement.annotators.map((row) => [row.annotatorId, row.name]));
  const nameOf = (id: string) => names.get(id) ?? "Former member";
  const switchGranularity = (value: Granularity) => startSwitch(() => setGranularity(value));
  useShortcuts([
    { keys: ["h"], label: "Hourly α windows", run: () => switchGranularity("hour") },
    { keys: ["d"], label: "Daily α windows", run: () => switchGranularity("day") },
  ]);
  return (
    <>
      <QueueBreadcrumb slug={slug} queueId={queueId} queueName={agreement.queue.name} section="Agreement" />
      <PageHeader
        title="Agreement"
        description="How far annotators agree beyond chance on this queue's counted answers (no decoys, no gold checks), and how well each judge matches the people's gold."
        action={<FieldSwitch fields={agreement.fields} value={field.key} onChange={setFieldKey} />}
      />
      <QueueTabs slug={slug} queueId={queueId} role={role} />
      <div className="space-y-6" aria-busy={isSwitching || undefined}>
        {field.alpha.pairableItems === 0 ? (
          <NotEnoughAnswers slug={slug} queueId={queueId} />
        ) : (
          <>
            <AgreementTiles field={field} replicates={agreement.bootstrap.replicates} minSharedItems={agreement.minSharedItems} />
            {field.key === agreement.alphaOverTime.fieldKey && <AlphaOverTimeCard series={agreement.alphaOverTime} fieldTitle={field.title} onGranularityChange={switchGranularity} />}
            <KappaMatrixCard field={field} nameOf={nameOf} minSharedItems={agreement.minSharedItems} />
          </>
        )}
        <AnnotatorAgreementTable rows={agreement.annotators} fieldKey={field.key} />
        {field.isChoice && <JudgeTable judges={agreement.judges} fieldKey={field.key} replicates={agreement.bootstrap.replicates} />}
        <p className="text-xs text-zinc-500">
          Keys: <Kbd>h</Kbd> hourly and <Kbd>d</Kbd> daily α windows. Intervals are 95 % percentile bootstraps over items ({agreement.bootstrap.replicates} draws, seed{" "}
          {agreement.bootstrap.seed}), so the same data always shows the same interval.
        </p>
      </div>
    </>
  );
}
