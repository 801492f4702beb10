import { parseExportQuery, type ExportOptions } from "@/server/datasets/formats/schema";
import { releaseSelectorSchema } from "@/server/datasets/schema";
import { parseInput } from "@/server/lib/validation";
import { z } from "zod";
import { runDomainCommand } from "./domain-errors";

/** The flags `export` and `pull` share: which release, and in which format, split, diff and DPO style. */
export const exportFlagOptions = {
  dataset: { type: "string" },
  release: { type: "string" },
  format: { type: "string" },
  split: { type: "string" },
  since: { type: "string" },
  "dpo-style": { type: "string" },
  out: { type: "string" },
} as const;

export const exportFlagUsage = "[--release N|latest] [--format jsonl|openai|dpo|csv|parquet] [--split train|validation|test] [--since M] [--dpo-style trl|openai] --out FILE";

type ExportFlags = { release?: string; format?: string; split?: string; since?: string; "dpo-style"?: string };

/** Reads the shared flags with the pull route's own schema, so the CLI accepts exactly what the API does. */
export async function parseExportFlags(flags: ExportFlags): Promise<{ release: number | "latest"; options: ExportOptions }> {
  return runDomainCommand(() => {
    const release = parseInput(z.object({ release: releaseSelectorSchema }), { release: flags.release ?? "latest" }).release;
    const query = new URLSearchParams();
    const pairs: [string, string | undefined][] = [["format", flags.format], ["split", flags.split], ["since", flags.since], ["dpo_style", flags["dpo-style"]]];
    for (const [key, value] of pairs) if (value !== undefined) query.set(key, value);
    return { release, options: parseExportQuery(query) };
  });
}
