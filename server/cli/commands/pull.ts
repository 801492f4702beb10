import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { exportQueryString } from "@/server/datasets/formats/schema";
import { datasetSlugSchema, releasePullPath } from "@/server/datasets/schema";
import { parseInput } from "@/server/lib/validation";
import { z } from "zod";
import { writeFileAtomically } from "../atomic-file";
import { CliUsageError, parseCommandArgs, requireFlag, type CliCommand } from "../command";
import { runDomainCommand } from "../domain-errors";
import { exportFlagOptions, exportFlagUsage, parseExportFlags } from "../export-flags";
import { countRows, startTransferProgress } from "../transfer-progress";

const serverUrlSchema = z.url({ protocol: /^https?$/, error: "--server must be an http:// or https:// URL" });

/** The ETag of the file at `out` is kept beside it, so the next pull of the same thing can skip the download. */
const etagPath = (out: string) => `${out}.etag`;

async function readKnownEtag(out: string): Promise<string | null> {
  if (!existsSync(out) || !existsSync(etagPath(out))) return null;
  return (await readFile(etagPath(out), "utf8")).trim() || null;
}

/** The server's refusal as a sentence: its JSON error when it sent one, else the status. */
async function describeRefusal(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ? `the server answered ${response.status}: ${body.error.message}` : `the server answered ${response.status} ${response.statusText}`;
}

export const pullCommand: CliCommand = {
  path: ["pull"],
  summary: "Download a dataset release from a Goldloop server over HTTP; skips the download when the file is current",
  usage: `pull --server URL --key KEY --dataset SLUG ${exportFlagUsage}`,
  async run(args, io) {
    const flags = parseCommandArgs(args, { server: { type: "string" }, key: { type: "string" }, ...exportFlagOptions });
    const server = requireFlag(flags.server, "server");
    const key = requireFlag(flags.key, "key");
    const out = requireFlag(flags.out, "out");
    const slug = await runDomainCommand(() => parseInput(z.object({ dataset: datasetSlugSchema }), { dataset: requireFlag(flags.dataset, "dataset") }).dataset);
    if (!serverUrlSchema.safeParse(server).success) throw new CliUsageError("--server must be an http:// or https:// URL");
    const { release, options } = await parseExportFlags(flags);

    const url = new URL(`${releasePullPath(slug, release)}${exportQueryString(options)}`, server);
    const knownEtag = await readKnownEtag(out);
    const response = await fetch(url, { headers: { authorization: `Bearer ${key}`, ...(knownEtag ? { "if-none-match": knownEtag } : {}) } });
    if (response.status === 304) {
      io.stderr(`${out} is current (release ${response.headers.get("x-goldloop-release")}, ETag ${knownEtag}); nothing downloaded\n`);
      return 0;
    }
    if (!response.ok || !response.body) {
      const message = await describeRefusal(response);
      // The server said what is wrong with the request (exit 2); a 5xx is the server's problem (exit 1).
      if (response.status < 500) throw new CliUsageError(message);
      throw new Error(message);
    }
    const rowCount = Number(response.headers.get("x-goldloop-row-count") ?? 0);
    const progress = startTransferProgress(`release ${response.headers.get("x-goldloop-release")}`, rowCount);
    const bytes = await writeFileAtomically(response.body, out, (received) => progress.update({ bytes: received }));
    progress.done();
    const etag = response.headers.get("etag");
    if (etag) await writeFile(etagPath(out), `${etag}\n`);
    else await rm(etagPath(out), { force: true });
    io.stderr(`downloaded ${countRows(rowCount)} (${bytes.toLocaleString("en-US")} bytes) of release ${response.headers.get("x-goldloop-release")} of "${slug}" as ${options.format} to ${out}\n`);
    return 0;
  },
};
