"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { useQueues } from "@/components/queues/use-queues";
import { EMPTY_RULE, metricChoices, toRuleInput, type RuleDraft } from "./rule-draft";
import { useAlertRules } from "./use-alerts";

const fields = ["name", "metric", "queueId", "comparator", "threshold", "granularity", "sustainedWindows", "clearWindows", "severity"] as const;

/** A threshold rule on any metric: fires when the metric crosses the value for N windows in a row, resolves after M clear ones. */
export function RuleForm({ projectId }: { projectId: string }) {
  const { create } = useAlertRules(projectId);
  const queues = useQueues(projectId);
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_RULE);
  const [createdName, setCreatedName] = useState<string | null>(null);
  const set = <Key extends keyof RuleDraft>(key: Key, value: RuleDraft[Key]) => setDraft((current) => ({ ...current, [key]: value }));
  const error = (field: (typeof fields)[number]) => fieldError(create.error, field);
  const message = formError(create.error, fields);
  const metric = metricChoices.find((choice) => choice.name === draft.metric)!;

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreatedName(null);
    create.mutate(
      { projectId, ...toRuleInput(draft) },
      {
        onSuccess: (rule) => {
          setCreatedName(rule.name);
          setDraft(EMPTY_RULE);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="New threshold rule" className="space-y-4 px-5 py-4">
      {message && <Alert tone="error">{message}</Alert>}
      {createdName && <Alert tone="success">Rule “{createdName}” created. It is evaluated with the next metrics run.</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" value={draft.name} onChange={(event) => set("name", event.target.value)} error={error("name")} placeholder="Thumbs-down spike" />
        <SelectField label="Metric" value={draft.metric} onChange={(event) => set("metric", event.target.value as RuleDraft["metric"])} error={error("metric")} hint={metric.value}>
          {metricChoices.map((choice) => (
            <option key={choice.name} value={choice.name}>
              {choice.title}
            </option>
          ))}
        </SelectField>
        <SelectField label="Queue" value={draft.queueId} onChange={(event) => set("queueId", event.target.value)} error={error("queueId")} hint="Queue metrics only; project metrics ignore it.">
          <option value="">Every queue</option>
          {queues.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </SelectField>
        <div className="grid grid-cols-[6rem_1fr] gap-3">
          <SelectField label="Comparator" value={draft.comparator} onChange={(event) => set("comparator", event.target.value as RuleDraft["comparator"])} error={error("comparator")}>
            {([">", ">=", "<", "<="] as const).map((comparator) => (
              <option key={comparator} value={comparator}>
                {comparator}
              </option>
            ))}
          </SelectField>
          <TextField label="Threshold" inputMode="decimal" value={draft.threshold} onChange={(event) => set("threshold", event.target.value)} error={error("threshold")} placeholder="0.2" />
        </div>
        <SelectField label="Window" value={draft.granularity} onChange={(event) => set("granularity", event.target.value as RuleDraft["granularity"])} error={error("granularity")}>
          <option value="day">Daily</option>
          <option value="hour">Hourly</option>
        </SelectField>
        <SelectField label="Severity" value={draft.severity} onChange={(event) => set("severity", event.target.value as RuleDraft["severity"])} error={error("severity")}>
          <option value="info">Info</option>
          <option value="warning">Warning</option>
          <option value="critical">Critical</option>
        </SelectField>
        <TextField
          label="Sustained for (windows)"
          inputMode="numeric"
          value={draft.sustainedWindows}
          onChange={(event) => set("sustainedWindows", event.target.value)}
          error={error("sustainedWindows")}
          hint="Fires after this many windows in a row cross the threshold."
        />
        <TextField
          label="Clear after (windows)"
          inputMode="numeric"
          value={draft.clearWindows}
          onChange={(event) => set("clearWindows", event.target.value)}
          error={error("clearWindows")}
          hint="Resolves itself after this many windows in a row do not."
        />
      </div>
      <div className="flex justify-end">
        <Button type="submit" isBusy={create.isPending}>
          Create rule
        </Button>
      </div>
    </form>
  );
}
