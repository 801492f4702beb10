"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { formError } from "@/components/ui/form-errors";
import { countOf } from "@/components/ui/plural";

/**
 * One click to a project with content on every page. The demo people's password is shown here once,
 * because walking the loop means signing in as an annotator and as the lead.
 */
export function LoadDemoProject() {
  const trpc = useTRPC();
  const load = useMutation(trpc.demo.load.mutationOptions());

  if (load.data) {
    const { project, people, password, summary } = load.data;
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Demo project ready">
          {countOf(summary.outputs, "output")}, {countOf(summary.queued, "queued item")}, {countOf(summary.gold, "gold label")},{" "}
          {countOf(summary.conflicts, "conflict")} and dataset release {summary.release}.
        </Alert>
        <div className="text-sm text-zinc-700">
          <p className="mb-2">Sign in as these people (in another browser profile) to walk the loop:</p>
          <ul className="space-y-1">
            {people.map((person) => (
              <li key={person.email} className="flex justify-between gap-4">
                <span className="font-mono text-xs">{person.email}</span>
                <span className="text-zinc-500">{person.role}</span>
              </li>
            ))}
          </ul>
        </div>
        <CopyField label="Demo password (shown once)" value={password} />
        <Link href={`/p/${project.slug}`} className="inline-flex rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700">
          Open the demo project
        </Link>
      </div>
    );
  }

  const message = formError(load.error, []);
  return (
    <div className="space-y-3">
      {message && <Alert tone="error">{message}</Alert>}
      <p className="text-sm text-zinc-600">
        Or explore first: a support bot with 300 outputs, user feedback, two queues, two annotators and a lead, some conflicts and a published dataset.
      </p>
      <Button variant="secondary" isBusy={load.isPending} onClick={() => load.mutate()}>
        {load.isPending ? "Loading demo: ingesting, sampling, labelling…" : "Load demo project"}
      </Button>
    </div>
  );
}
