"use client";

import type { ProjectRole } from "@/server/auth/roles";
import { useState } from "react";
import { QueueTabs } from "@/components/queues/queue-tabs";
import { useQueue } from "@/components/queues/use-queues";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { SettingList } from "@/components/ui/setting-list";
import { AccuracyCard } from "./accuracy-card";
import { AddTopGoldDialog } from "./add-top-gold-dialog";
import { formatPercent } from "./format";
import { GoldItemsCard } from "./gold-items-card";
import { ImportCsvDialog } from "./import-csv-dialog";
import { PausedAnnotatorsNotice } from "./paused-annotators-notice";
import { PausesCard } from "./pauses-card";
import { useGoldItems } from "./use-gold-items";
import { QueueBreadcrumb } from "@/components/queues/queue-breadcrumb";
import { primaryChoiceField } from "@/server/queues/schema";

type Dialog = "add" | "import" | null;

/** A queue's gold checks for its leads: the items with known answers, how annotators do on them, and who is paused. */
export function GoldChecksPage({ projectId, slug, queueId, role }: { projectId: string; slug: string; queueId: string; role: ProjectRole }) {
  const queue = useQueue(projectId, queueId);
  const { settings, eligibleGold, items } = useGoldItems(projectId, queueId);
  const [dialog, setDialog] = useState<Dialog>(null);
  useShortcuts([
    { keys: ["a"], label: "Add gold checks from gold", run: () => setDialog("add") },
    { keys: ["i"], label: "Import gold checks from CSV", run: () => setDialog("import") },
  ]);
  const labels = primaryChoiceField(queue.labelSchema)?.options.map((option) => option.value) ?? [];
  const settingRows = [
    {
      term: "Gold-check rate",
      value: settings.goldItemRate > 0 ? formatPercent(settings.goldItemRate) : "off",
      hint: "Share of claims that serve a gold check instead of a new item.",
    },
    {
      term: "Quality gate",
      value: settings.gateMinAccuracy === null ? "off" : `${formatPercent(settings.gateMinAccuracy)} after ${settings.gateMinGoldItems}`,
      hint: "Below this accuracy after that many gold checks, an annotator is paused on this queue.",
    },
    { term: "Daily cap", value: settings.dailyCap === null ? "none" : `${settings.dailyCap} items`, hint: "Items per annotator per UTC day, gold checks included." },
  ];
  return (
    <>
      <QueueBreadcrumb slug={slug} queueId={queueId} queueName={queue.name} section="Gold checks" />
      <PageHeader
        title="Gold checks"
        description="Items with known answers, mixed into annotators' work without a mark. Their answers never count as labels; they measure each annotator and drive the quality gate."
        action={
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setDialog("import")}>
              Import CSV <Kbd>I</Kbd>
            </Button>
            <Button onClick={() => setDialog("add")}>
              Add from gold <Kbd>A</Kbd>
            </Button>
          </div>
        }
      />
      <QueueTabs slug={slug} queueId={queueId} role={role} />
      <PausedAnnotatorsNotice projectId={projectId} queueId={queueId} manageHref="#pauses" />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <GoldItemsCard projectId={projectId} slug={slug} items={items} />
          <AccuracyCard projectId={projectId} queueId={queueId} threshold={settings.gateMinAccuracy} />
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Settings" description="Changed in the queue's quality settings." />
            <SettingList rows={settingRows} label="Gold-check settings" />
          </Card>
          <PausesCard projectId={projectId} queueId={queueId} hasGate={settings.gateMinAccuracy !== null} />
        </div>
      </div>
      <AddTopGoldDialog projectId={projectId} queueId={queueId} eligibleGold={eligibleGold} isOpen={dialog === "add"} onClose={() => setDialog(null)} />
      <ImportCsvDialog projectId={projectId} queueId={queueId} labels={labels} isOpen={dialog === "import"} onClose={() => setDialog(null)} />
    </>
  );
}
