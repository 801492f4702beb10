"use client";

import { useMemo, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { fieldError, formError } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/field";
import { Kbd } from "@/components/ui/kbd";
import type { PrivacySettings } from "@/server/privacy/schema";
import { BuiltInRulesFieldset } from "./built-in-rules-fieldset";
import { customRuleProblems } from "./custom-rule-problems";
import { CustomRulesEditor } from "./custom-rules-editor";
import { RedactionTester } from "./redaction-tester";
import { usePrivacySettings } from "./use-privacy";

const parseKeys = (text: string) => text.split(",").map((key) => key.trim()).filter((key) => key !== "");

/** The project's redaction rules as a draft: edit, try them in the tester below, then save for the next ingest. */
export function PrivacySettingsForm({ projectId }: { projectId: string }) {
  const { settings, save } = usePrivacySettings(projectId);
  const [draft, setDraft] = useState<PrivacySettings>(settings);
  const [metadataText, setMetadataText] = useState(settings.metadataKeys.join(", "));
  const [regionText, setRegionText] = useState(settings.phoneRegion ?? "");
  const [isSaved, setIsSaved] = useState(false);
  const current: PrivacySettings = { ...draft, metadataKeys: parseKeys(metadataText), phoneRegion: regionText.trim() === "" ? null : regionText.trim().toUpperCase() };
  const change = (patch: Partial<PrivacySettings>) => {
    setIsSaved(false);
    setDraft((previous) => ({ ...previous, ...patch }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ projectId, ...current }, { onSuccess: () => setIsSaved(true) });
  };
  const customRulesKey = JSON.stringify(draft.customRules);
  const ruleProblems = useMemo(() => customRuleProblems(JSON.parse(customRulesKey) as PrivacySettings["customRules"]), [customRulesKey]);
  const testedSettings: PrivacySettings = { ...current, customRules: current.customRules.filter((_, index) => ruleProblems[index] === null) };
  const leftOut = current.customRules.flatMap((rule, index) => (ruleProblems[index] ? [{ label: `Rule ${index + 1}${rule.name.trim() ? ` (${rule.name.trim()})` : ""}`, problem: ruleProblems[index] }] : []));
  const customRuleError = (field: "name" | "pattern", index: number) => fieldError(save.error, `customRules.${index}.${field}`);
  const failure = formError(save.error, ["phoneRegion", "metadataKeys", ...current.customRules.flatMap((_, index) => [`customRules.${index}.name`, `customRules.${index}.pattern`])]);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Redaction at ingest"
          description="Every output's input, output (each chat message) and the metadata keys you name below are redacted before Goldloop stores or hashes them, over REST and OTLP alike. Signal comments too. Changes apply to the next batch."
        />
        <form onSubmit={submit} className="space-y-6 px-5 py-4" aria-label="Privacy rules">
          <BuiltInRulesFieldset enabled={current.enabledRules} onChange={(enabledRules) => change({ enabledRules })} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Default phone region"
              value={regionText}
              maxLength={2}
              error={fieldError(save.error, "phoneRegion")}
              hint="Two letters, e.g. US or DE: national numbers are recognised as written there. Empty: only numbers with a + country code."
              onChange={(event) => {
                setIsSaved(false);
                setRegionText(event.target.value);
              }}
            />
            <TextField
              label="Metadata keys to redact"
              value={metadataText}
              error={fieldError(save.error, "metadataKeys")}
              hint="Comma-separated, e.g. customer_email, shipping_address; * (the default) redacts every key, including the span attributes OTLP keeps. Other metadata is stored as sent."
              onChange={(event) => {
                setIsSaved(false);
                setMetadataText(event.target.value);
              }}
            />
          </div>
          <CustomRulesEditor rules={current.customRules} onChange={(customRules) => change({ customRules })} errorFor={customRuleError} problemFor={(index) => ruleProblems[index] ?? null} />
          {failure && <Alert tone="error">{failure}</Alert>}
          {isSaved && <Alert tone="success">Saved. The next ingested batch uses these rules.</Alert>}
          <div className="flex items-center justify-end gap-3">
            <span className="text-xs text-zinc-500">
              <Kbd>Enter</Kbd> in a field saves
            </span>
            <Button type="submit" isBusy={save.isPending}>
              Save rules
            </Button>
          </div>
        </form>
      </Card>
      <RedactionTester projectId={projectId} settings={testedSettings} leftOut={leftOut} />
    </div>
  );
}
