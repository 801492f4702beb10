"use client";

import { useRef, useState, type FormEvent } from "react";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { Kbd } from "@/components/ui/kbd";
import { signalKinds } from "@/server/ingest/schema";
import { EMPTY_OUTPUTS_SEARCH, type OutputsSearchForm } from "./outputs-search";

/** The search box and filters; applying them starts again at the first page. */
export function OutputsFilters({ initial, onApply }: { initial: OutputsSearchForm; onApply: (form: OutputsSearchForm) => void }) {
  const [form, setForm] = useState(initial);
  const formElement = useRef<HTMLFormElement>(null);
  useShortcuts([{ keys: ["/"], label: "Search outputs", run: () => formElement.current?.querySelector<HTMLInputElement>('input[name="q"]')?.focus() }]);
  const set = (key: keyof OutputsSearchForm) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(form);
  };
  const clear = () => {
    setForm(EMPTY_OUTPUTS_SEARCH);
    onApply(EMPTY_OUTPUTS_SEARCH);
  };
  return (
    <Card className="mb-4 p-4">
      <form ref={formElement} role="search" aria-label="Search outputs" onSubmit={submit} className="space-y-4">
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <TextField
              name="q"
              label="Search input and output"
              type="search"
              value={form.q}
              onChange={set("q")}
              placeholder={'refund -"gift card"'}
              hint={
                <>
                  All words must appear; &quot;quoted phrases&quot;, -without and or work too. Press <Kbd>/</Kbd> to search.
                </>
              }
            />
          </div>
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <TextField label="Model" value={form.model} onChange={set("model")} placeholder="support-bot-v2" />
          <TextField label="Tags" value={form.tags} onChange={set("tags")} placeholder="billing, vip" hint="All of them, comma-separated" />
          <TextField label="Metadata" value={form.metadata} onChange={set("metadata")} placeholder="channel=web" hint="key=value pairs, comma-separated" />
          <SelectField label="Signal" value={form.signal} onChange={set("signal")}>
            <option value="">Any</option>
            {signalKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kind.replace("_", " ")}
              </option>
            ))}
          </SelectField>
          <TextField label="Produced from" type="date" value={form.from} onChange={set("from")} hint="UTC day" />
          <TextField label="Produced until" type="date" value={form.to} onChange={set("to")} hint="UTC day, included" />
          <SelectField label="Consent" value={form.consent} onChange={set("consent")}>
            <option value="">Any</option>
            <option value="true">Given</option>
            <option value="false">Not given (never queued)</option>
          </SelectField>
          <TextField label="Session" value={form.sessionId} onChange={set("sessionId")} placeholder="conv-9" />
          <TextField label="End user" value={form.endUserId} onChange={set("endUserId")} placeholder="user-42" />
        </div>
        <div className="flex gap-2">
          <Button type="submit">Search</Button>
          <Button variant="ghost" onClick={clear}>
            Clear filters
          </Button>
        </div>
      </form>
    </Card>
  );
}
