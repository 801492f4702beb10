"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { firstIssueByField } from "@/components/ui/form-validation";
import { createDatasetSchema } from "@/server/datasets/schema";
import { slugify } from "@/server/projects/schema";
import { RecipeFields } from "./recipe-fields";
import { toRecipeInput, useRecipeDraft } from "./recipe-state";
import { useCreateDataset, useQueueChoices } from "./use-datasets";

const fields = [
  "name",
  "slug",
  "description",
  "queueIds",
  "minConfidence",
  "labelFilters",
  "correctionMode",
  "goldFrom",
  "goldUntil",
  "splitTrain",
  "splitValidation",
  "splitTest",
  "splitMetadataKey",
] as const;

/** Defines a dataset: a name, the queues whose gold labels it ships, the recipe that picks rows, and the split rule. */
export function CreateDatasetForm({ projectId, slug }: { projectId: string; slug: string }) {
  const queues = useQueueChoices(projectId);
  const create = useCreateDataset();
  const router = useRouter();
  const descriptionId = useId();
  const [name, setName] = useState("");
  const [datasetSlug, setDatasetSlug] = useState("");
  const [description, setDescription] = useState("");
  const recipe = useRecipeDraft();
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  const base = `/p/${slug}`;
  // Checked with the server's own schema before sending; after the first attempt errors follow every edit.
  const input = { name, slug: datasetSlug.trim() || undefined, description, ...toRecipeInput(recipe.draft) };
  const validation = createDatasetSchema.safeParse(input);
  const clientErrors = hasTriedSubmit && !validation.success ? firstIssueByField(validation.error) : {};
  const errorFor = (field: string) => clientErrors[field] ?? fieldError(create.error, field);
  const labelFilterFields = Object.keys(recipe.draft.labelFilters).map((key) => `labelFilters.${key}`);
  const message = formError(create.error, [...fields, ...labelFilterFields]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setHasTriedSubmit(true);
    if (!validation.success) return;
    create.mutate({ projectId, ...input }, { onSuccess: (dataset) => router.push(`${base}/datasets/${dataset.id}`) });
  }

  if (queues.length === 0) {
    return (
      <Alert title="There are no queues to draw from yet">
        A dataset ships the gold labels of review queues. A lead or admin creates a queue on the{" "}
        <Link href={`${base}/queues`} className="font-medium underline">
          Queues
        </Link>{" "}
        page; come back once it has resolved items.
      </Alert>
    );
  }

  return (
    <Card className="max-w-3xl">
      <form onSubmit={submit} className="space-y-5 px-5 py-5" noValidate>
        {message && <Alert tone="error">{message}</Alert>}
        <TextField label="Name" required autoFocus placeholder="Support triage" value={name} error={errorFor("name")} onChange={(e) => setName(e.target.value)} />
        <TextField
          label="Slug"
          placeholder={name ? slugify(name) : "support-triage"}
          hint="Optional. The dataset's name in the pull URL; derived from the name when empty."
          value={datasetSlug}
          error={errorFor("slug")}
          onChange={(e) => setDatasetSlug(e.target.value)}
        />
        <div className="space-y-1.5">
          <label htmlFor={descriptionId} className="block text-sm font-medium text-zinc-800">
            Description (optional)
          </label>
          <textarea
            id={descriptionId}
            rows={3}
            value={description}
            placeholder="What this data is for, and what a row means"
            onChange={(e) => setDescription(e.target.value)}
            aria-invalid={errorFor("description") ? true : undefined}
            aria-describedby={errorFor("description") ? `${descriptionId}-error` : undefined}
            className="block w-full rounded-md border-0 px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none aria-[invalid=true]:ring-red-500"
          />
          {errorFor("description") && (
            <p id={`${descriptionId}-error`} className="text-xs font-medium text-red-600">
              {errorFor("description")}
            </p>
          )}
        </div>
        <RecipeFields draft={recipe.draft} update={recipe.update} queues={queues} errorFor={errorFor} isSplitLocked={false} />
        <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
          <Link href={`${base}/datasets`} className="inline-flex h-10 items-center rounded-md px-4 text-sm font-medium text-zinc-700 hover:bg-zinc-100">
            Cancel
          </Link>
          <Button type="submit" isBusy={create.isPending || create.isSuccess}>
            Create dataset
          </Button>
        </div>
      </form>
    </Card>
  );
}
