"use client";

import Link from "next/link";
import { LoopHealthTile } from "@/components/loop-health/loop-health-tile";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { hasAnyRole, type ProjectRole } from "@/server/auth/roles";
import { ActivityPanel } from "./activity-panel";
import { ActivityStats } from "./activity-stats";
import { GettingStarted, type Step } from "./getting-started";
import { hintForRole, type RoleHint } from "./role-hint";
import { useProjectActivity } from "./use-project-activity";
import { useProjectOverview } from "./use-project-overview";

function adminSteps(overview: ReturnType<typeof useProjectOverview>, base: string, origin: string): Step[] {
  return [
    {
      title: "Invite your team",
      isDone: overview.memberCount > 1,
      body: "Annotators review and correct outputs, leads resolve conflicts, the ML team pulls datasets. Each gets a one-time link.",
      href: `${base}/members`,
      cta: "Invite",
    },
    {
      title: "Create an API key for your production app",
      isDone: overview.activeApiKeyCount > 0,
      body: "Give it the ingest scope. The secret is shown once, so store it in your app's secrets.",
      href: `${base}/api-keys`,
      cta: "Create key",
    },
    {
      title: "Send your first outputs",
      isDone: overview.hasOutputs,
      body: (
        <>
          Your app posts what the model produced to <code className="rounded bg-zinc-100 px-1 text-xs">{origin}/api/v1/outputs</code> with
          the key, in batches of up to 1,000. Check a key works with{" "}
          <code className="rounded bg-zinc-100 px-1 text-xs">curl -H &quot;Authorization: Bearer $KEY&quot; {origin}/api/v1/whoami</code>.
        </>
      ),
    },
    {
      title: "Create a review queue",
      isDone: overview.queueCount > 0,
      body: "A queue samples the outputs worth a human look (say, 5% of everything plus every thumbs-down) and asks k annotators to label each.",
      href: `${base}/queues/new`,
      cta: "Create queue",
    },
  ];
}

/** The loop's totals and last 14 days; its own component so the query runs only once there are outputs. */
function ProjectActivity({ projectId, base, role }: { projectId: string; base: string; role: ProjectRole }) {
  const activity = useProjectActivity(projectId);
  return (
    <>
      <ActivityStats activity={activity} base={base} role={role} />
      <ActivityPanel daily={activity.daily} />
    </>
  );
}

/** The member's next step, for their role only, with the way there and its shortcut. */
function RoleHintCard({ hint, base }: { hint: RoleHint; base: string }) {
  const { action } = hint;
  return (
    <EmptyState
      title={hint.title}
      action={
        action && (
          <Link href={`${base}${action.path}`} className="inline-flex h-10 items-center gap-2 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700">
            {action.label}
            {action.keys && (
              <span aria-hidden className="inline-flex gap-0.5">
                <Kbd>{action.keys[0]}</Kbd>
                <Kbd>{action.keys[1]}</Kbd>
              </span>
            )}
          </Link>
        )
      }
    >
      {hint.body}
    </EmptyState>
  );
}

export function ProjectOverview({ projectId, slug, publicUrl }: { projectId: string; slug: string; publicUrl: string }) {
  const overview = useProjectOverview(projectId);
  const base = `/p/${slug}`;
  const isAdmin = overview.role === "admin";
  const steps = adminSteps(overview, base, publicUrl);
  // Until outputs arrive the checklist is the page; after that the loop's numbers lead and the checklist
  // stays below them only while a step is left.
  const { hasOutputs } = overview;
  const isChecklistShown = isAdmin && (!hasOutputs || steps.some((step) => !step.isDone));
  return (
    <>
      <PageHeader title={overview.name} description={`Your role in this project: ${overview.role}.`} />
      <div className="space-y-6">
        {hasOutputs && <LoopHealthTile projectId={projectId} slug={slug} canOpenHealth={hasAnyRole(overview.role, ["lead", "ml", "admin"])} />}
        {hasOutputs && <ProjectActivity projectId={projectId} base={base} role={overview.role} />}
        {isChecklistShown ? (
          <Card>
            <CardHeader title="Get started" description="Four steps from a new project to outputs waiting for review." />
            <GettingStarted steps={steps} />
          </Card>
        ) : (
          <RoleHintCard hint={hintForRole(overview.role, overview.queueCount)} base={base} />
        )}
      </div>
    </>
  );
}
