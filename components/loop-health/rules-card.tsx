"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/ui/form-errors";
import { Table, Td, Th } from "@/components/ui/table";
import { metricChoices } from "./rule-draft";
import { RuleForm } from "./rule-form";
import { useAlertRules, type AlertRule } from "./use-alerts";
import { formatNumber } from "./window-format";

const metricTitle = (name: string) => metricChoices.find((choice) => choice.name === name)?.title ?? name;

/** The project's threshold rules, a form for a new one, and deletion behind a confirmation. */
export function RulesCard({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const { rules, remove } = useAlertRules(projectId);
  const [deleting, setDeleting] = useState<AlertRule | null>(null);
  const close = () => {
    remove.reset();
    setDeleting(null);
  };
  return (
    <Card>
      <CardHeader
        title="Threshold rules"
        description="Your own alerts on any metric, next to the built-in detectors. Fixed thresholds ignore sample size, so prefer them for rates you know well."
      />
      {rules.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-500">No rules yet. {canManage ? "Add one below, for example thumbs-down rate > 0.2 sustained for 2 days." : ""}</p>
      ) : (
        <Table aria-label="Threshold rules">
          <thead>
            <tr>
              <Th>Rule</Th>
              <Th>Condition</Th>
              <Th>Queue</Th>
              <Th>Windows</Th>
              {canManage && <Th className="sr-only">Actions</Th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rules.map((rule) => (
              <tr key={rule.id}>
                <Td>
                  <span className="font-medium text-zinc-900">{rule.name}</span> <Badge>{rule.severity}</Badge> {!rule.isEnabled && <Badge>off</Badge>}
                </Td>
                <Td>
                  {metricTitle(rule.metric)} {rule.comparator} {formatNumber(rule.threshold)}
                </Td>
                <Td>{rule.queueName ?? "Every queue"}</Td>
                <Td className="whitespace-nowrap">
                  {rule.sustainedWindows} to fire, {rule.clearWindows} to clear ({rule.granularity === "day" ? "daily" : "hourly"})
                </Td>
                {canManage && (
                  <Td className="text-right">
                    <Button variant="ghost" size="sm" aria-label={`Delete rule ${rule.name}`} onClick={() => setDeleting(rule)}>
                      Delete
                    </Button>
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canManage && (
        <div className="border-t border-zinc-100">
          <h3 className="px-5 pt-4 text-sm font-semibold text-zinc-900">New rule</h3>
          <RuleForm projectId={projectId} />
        </div>
      )}
      <ConfirmDialog
        isOpen={deleting !== null}
        title={`Delete rule “${deleting?.name ?? ""}”?`}
        body="Its live alerts resolve now and are announced with alert.resolved."
        confirmLabel="Delete rule"
        isBusy={remove.isPending}
        error={errorMessage(remove.error)}
        onConfirm={() => deleting && remove.mutate({ projectId, ruleId: deleting.id }, { onSuccess: close })}
        onClose={close}
      />
    </Card>
  );
}
