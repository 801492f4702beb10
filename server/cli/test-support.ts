import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "./main";

/** Runs the CLI with in-memory streams, for tests. */
export async function runCliCaptured(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** Path of a crowd fixture file shipped with the repository. */
export function locateCrowdFixture(dataset: string, file: "labels.csv" | "truth.csv"): string {
  return fileURLToPath(new URL(`../quality/fixtures/crowd/${dataset}/${file}`, import.meta.url));
}

/** Writes a scratch file in a fresh temporary directory and returns its path. */
export function writeTempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "goldloop-cli-")), name);
  writeFileSync(path, content);
  return path;
}
