"use client";

import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-errors";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/server/webhooks/schema";

export type EndpointDraft = { url: string; description: string; eventTypes: WebhookEventType[] };
type ErrorLike = Parameters<typeof fieldError>[0];

/** URL, description and events: the fields creating and editing an endpoint share. */
export function EndpointFields({ draft, onChange, error }: { draft: EndpointDraft; onChange: (draft: EndpointDraft) => void; error: ErrorLike }) {
  const toggle = (type: WebhookEventType, isOn: boolean) =>
    onChange({ ...draft, eventTypes: isOn ? [...draft.eventTypes, type] : draft.eventTypes.filter((held) => held !== type) });
  return (
    <>
      <TextField
        label="Endpoint URL"
        type="url"
        placeholder="https://trainer.example.com/goldloop"
        required
        value={draft.url}
        error={fieldError(error, "url")}
        hint="Goldloop POSTs signed JSON here. It must resolve to a public address."
        onChange={(event) => onChange({ ...draft, url: event.target.value })}
      />
      <TextField label="Description" placeholder="nightly fine-tuning pipeline" value={draft.description} error={fieldError(error, "description")} onChange={(event) => onChange({ ...draft, description: event.target.value })} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800">Events</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-start gap-2.5 text-sm">
            <input type="checkbox" className="mt-0.5 size-4 accent-zinc-900" checked={draft.eventTypes.includes(type)} onChange={(event) => toggle(type, event.target.checked)} />
            <span>
              <span className="font-mono text-xs font-medium text-zinc-900">{type}</span>
              <span className="block text-zinc-500">{WEBHOOK_EVENT_DESCRIPTIONS[type]}</span>
            </span>
          </label>
        ))}
        {fieldError(error, "eventTypes") && <p className="text-xs font-medium text-red-600">{fieldError(error, "eventTypes")}</p>}
      </fieldset>
    </>
  );
}
