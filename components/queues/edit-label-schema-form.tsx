"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { errorMessage, fieldError } from "@/components/ui/form-errors";
import { countOf } from "@/components/ui/plural";
import type { LabelSchema } from "@/server/queues/schema";
import { findRemovedOptions } from "./field-draft-state";
import { FormSection } from "./form-section";
import { LabelSchemaFields } from "./label-schema-fields";
import { toLabelSchemaDraft, validateLabelSchemaDraft, type LabelSchemaDraft } from "./label-schema-state";
import { builderInputClass } from "./option-rows";
import { useUpdateLabelSchema } from "./use-queues";

type Saved = { version: number; remapped: number; isNewVersion: boolean };

/**
 * The queue's label as a new schema version: the same field builder as a new queue, plus, for every option a
 * change drops, where the answers that chose it go. The server refuses a change that would leave answers
 * unreadable and names what to do; its message shows next to the mapping it is about.
 */
export function EditLabelSchemaForm({ projectId, queueId, labelSchema, version }: { projectId: string; queueId: string; labelSchema: LabelSchema; version: number }) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.queues.schemaVersions.queryOptions({ projectId, queueId })).data ?? [];
  const update = useUpdateLabelSchema();
  const [draft, setDraft] = useState<LabelSchemaDraft>(() => toLabelSchemaDraft(labelSchema));
  const [mappings, setMappings] = useState<Record<string, Record<string, string>>>({});
  const [hasTriedSave, setHasTriedSave] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const validation = validateLabelSchemaDraft(draft);
  const errors: Record<string, string | undefined> = hasTriedSave && !validation.success ? { ...validation.errors } : {};
  const removedOptions = findRemovedOptions(labelSchema.fields, draft.fields);
  const mappingError = (fieldKey: string, value: string) => fieldError(update.error, `optionMappings.${fieldKey}.${value}`);
  const hasMappingError = removedOptions.some((entry) => entry.removed.some((option) => mappingError(entry.fieldKey, option.value)));
  const message = update.error && !hasMappingError ? errorMessage(update.error) : undefined;

  function change(patch: Partial<LabelSchemaDraft>) {
    setSaved(null);
    update.reset();
    setDraft({ ...draft, ...patch });
  }

  function save() {
    setHasTriedSave(true);
    if (!validation.success) return;
    update.mutate({ projectId, queueId, labelSchema: validation.data, optionMappings: mappings }, { onSuccess: setSaved });
  }

  return (
    <FormSection title="Label" description={`Version ${version}. Saving a change makes version ${version + 1}: answers and gold keep the version they were given under, and the answers of open items move to the new one.`}>
      <div className="space-y-5">
        <LabelSchemaFields state={draft} errors={errors} onChange={change} />
        {removedOptions.length > 0 && (
          <fieldset className="space-y-3 rounded-lg bg-zinc-50 p-4">
            <legend className="text-sm font-medium text-zinc-800">Removed options</legend>
            <p className="text-xs text-zinc-500">Answers of open items that chose a removed option move to the option you pick. Options nobody chose need nothing.</p>
            {removedOptions.flatMap((entry) =>
              entry.removed.map((option) => {
                const error = mappingError(entry.fieldKey, option.value);
                return (
                  <div key={`${entry.fieldKey}/${option.value}`} className="space-y-1">
                    <label className="flex flex-wrap items-center gap-2 text-sm text-zinc-800">
                      {entry.fieldTitle}: answers of <span className="font-medium">{option.title}</span> go to
                      <select
                        aria-label={`Map ${option.title} of ${entry.fieldTitle} to`}
                        aria-invalid={error ? true : undefined}
                        value={mappings[entry.fieldKey]?.[option.value] ?? ""}
                        onChange={(event) => {
                          update.reset();
                          const fieldMappings = { ...mappings[entry.fieldKey] };
                          if (event.target.value === "") delete fieldMappings[option.value];
                          else fieldMappings[option.value] = event.target.value;
                          setMappings({ ...mappings, [entry.fieldKey]: fieldMappings });
                        }}
                        className={`${builderInputClass} w-auto`}
                      >
                        <option value="">Choose an option</option>
                        {entry.options.map((target) => (
                          <option key={target.value} value={target.value}>
                            {target.title || target.value}
                          </option>
                        ))}
                      </select>
                    </label>
                    {error && <p className="text-xs font-medium text-red-600">{error}</p>}
                  </div>
                );
              }),
            )}
          </fieldset>
        )}
        {message && <Alert tone="error">{message}</Alert>}
        {saved && <Alert tone="success">{saved.isNewVersion ? `Saved as version ${saved.version}${saved.remapped > 0 ? `; ${countOf(saved.remapped, "open answer")} moved to the mapped options` : ""}.` : "Nothing changed."}</Alert>}
        <div className="flex items-center justify-end">
          <Button onClick={save} isBusy={update.isPending}>
            Save label as a new version
          </Button>
        </div>
        {versions.length > 1 && (
          <ol aria-label="Label versions" className="space-y-1 border-t border-zinc-100 pt-3 text-xs text-zinc-500">
            {versions.map((entry) => (
              <li key={entry.version}>
                Version {entry.version}: {entry.labelSchema.fields.map((field) => field.title).join(", ")} · <DateTime value={entry.createdAt} />
                {entry.createdByName ? ` by ${entry.createdByName}` : ""}
              </li>
            ))}
          </ol>
        )}
      </div>
    </FormSection>
  );
}
