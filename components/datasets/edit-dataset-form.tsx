"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { firstIssueByField } from "@/components/ui/form-validation";
import { updateDatasetSchema } from "@/server/datasets/schema";
import { RecipeFields } from "./recipe-fields";
import { toDay, toRecipeInput, useRecipeDraft, type RecipeDraft } from "./recipe-state";
import { useQueueChoices, useUpdateDataset } from "./use-datasets";

type EditableDataset = {
  id: string;
  name: string;
  description: string;
  queues: Array<{ id: string }>;
  minConfidence: number;
  labelFilters: Record<string, string[]>;
  correctionMode: RecipeDraft["correctionMode"];
  goldFrom: Date | null;
  goldUntil: Date | null;
  splitTrain: number;
  splitValidation: number;
  splitTest: number;
  splitKey: RecipeDraft["splitKey"];
  splitMetadataKey: string | null;
  isSplitLocked: boolean;
};

const fields = ["name", "description", "queueIds", "minConfidence", "labelFilters", "correctionMode", "goldFrom", "goldUntil", "splitTrain", "splitValidation", "splitTest", "splitMetadataKey"];

function draftOf(dataset: EditableDataset): RecipeDraft {
  return {
    queueIds: dataset.queues.map((queue) => queue.id),
    minConfidence: String(dataset.minConfidence),
    labelFilters: dataset.labelFilters,
    correctionMode: dataset.correctionMode,
    goldFrom: toDay(dataset.goldFrom),
    goldUntil: toDay(dataset.goldUntil),
    splitTrain: String(dataset.splitTrain),
    splitValidation: String(dataset.splitValidation),
    splitTest: String(dataset.splitTest),
    splitKey: dataset.splitKey,
    splitMetadataKey: dataset.splitMetadataKey ?? "",
  };
}

/** Edits a dataset's name, description and recipe in place; the next release uses the new recipe, published ones keep theirs. */
export function EditDatasetForm({ projectId, dataset, onDone }: { projectId: string; dataset: EditableDataset; onDone: () => void }) {
  const queues = useQueueChoices(projectId);
  const update = useUpdateDataset();
  const [name, setName] = useState(dataset.name);
  const [description, setDescription] = useState(dataset.description);
  const recipe = useRecipeDraft(draftOf(dataset));
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  const input = { datasetId: dataset.id, name, description, ...toRecipeInput(recipe.draft) };
  const validation = updateDatasetSchema.safeParse(input);
  const clientErrors = hasTriedSubmit && !validation.success ? firstIssueByField(validation.error) : {};
  const errorFor = (field: string) => clientErrors[field] ?? fieldError(update.error, field);
  const message = formError(update.error, [...fields, ...Object.keys(recipe.draft.labelFilters).map((key) => `labelFilters.${key}`)]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setHasTriedSubmit(true);
    if (!validation.success) return;
    update.mutate({ projectId, ...input }, { onSuccess: onDone });
  }

  return (
    <Card aria-label="Edit dataset" role="region">
      <CardHeader title="Edit dataset" description="The next release is built with this recipe; published releases keep the one they were built with." />
      <form onSubmit={submit} className="space-y-5 px-5 py-5" noValidate>
        {message && <Alert tone="error">{message}</Alert>}
        <TextField label="Name" required value={name} error={errorFor("name")} onChange={(event) => setName(event.target.value)} />
        <TextField label="Description" value={description} error={errorFor("description")} onChange={(event) => setDescription(event.target.value)} />
        <RecipeFields draft={recipe.draft} update={recipe.update} queues={queues} errorFor={errorFor} isSplitLocked={dataset.isSplitLocked} />
        <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" isBusy={update.isPending}>
            Save recipe
          </Button>
        </div>
      </form>
    </Card>
  );
}
