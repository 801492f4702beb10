"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage } from "@/components/ui/form-errors";
import { MAX_GOLD_CSV_CHARS } from "@/server/gold-items/schema";
import { useImportGoldCsv } from "./use-gold-items";

type ImportCsvDialogProps = { projectId: string; queueId: string; labels: readonly string[]; isOpen: boolean; onClose: () => void };

/** Uploads `item,label` lines: known answers for items of this queue, by their outputs' external ids. */
export function ImportCsvDialog({ projectId, queueId, labels, isOpen, onClose }: ImportCsvDialogProps) {
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [result, setResult] = useState<{ added: number; unchanged: number } | null>(null);
  const importCsv = useImportGoldCsv();
  const close = () => {
    importCsv.reset();
    setFile(null);
    setLocalError(null);
    setResult(null);
    onClose();
  };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    if (!file) return setLocalError("Choose a CSV file first.");
    if (file.size > MAX_GOLD_CSV_CHARS) return setLocalError("The file is over 1 MB; split it into smaller files.");
    setLocalError(null);
    importCsv.mutate({ projectId, queueId, csv: await file.text() }, { onSuccess: setResult });
  }
  const problem = localError ?? errorMessage(importCsv.error);
  return (
    <Dialog
      isOpen={isOpen}
      onClose={close}
      title="Import gold checks from CSV"
      description={
        <>
          One line per item: <code className="font-mono">item,label</code>, where item is the output&apos;s external id in this queue and label is one of{" "}
          <span className="font-mono">{labels.join(", ")}</span>. A header line is optional. Nothing is imported if any line is wrong.
        </>
      }
    >
      <form onSubmit={(event) => void submit(event)} className="space-y-4" noValidate>
        <div className="space-y-1.5">
          <label htmlFor="gold-csv-file" className="block text-sm font-medium text-zinc-800">
            CSV file
          </label>
          <input
            id="gold-csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            className="block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
        </div>
        {problem && (
          <Alert tone="error" title="Nothing was imported">
            {problem}
          </Alert>
        )}
        {result && (
          <Alert tone="success">
            Added {result.added} gold check{result.added === 1 ? "" : "s"}
            {result.unchanged > 0 ? `; ${result.unchanged} already had the same answer` : ""}.
          </Alert>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            {result ? "Done" : "Cancel"}
          </Button>
          <Button type="submit" isBusy={importCsv.isPending}>
            Import
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
