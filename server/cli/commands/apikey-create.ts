import { createApiKeySchema } from "@/server/api-keys/schema";
import { createApiKey } from "@/server/api-keys/service";
import { NotFoundError } from "@/server/lib/errors";
import { parseInput } from "@/server/lib/validation";
import { findProjectBySlug } from "@/server/projects/queries";
import { parseCommandArgs, requireFlag, type CliCommand } from "../command";
import { withCliDatabase } from "../database";
import { runDomainCommand } from "../domain-errors";

export const apiKeyCreateCommand: CliCommand = {
  path: ["apikey", "create"],
  summary: "Create a project API key and print its secret (shown once)",
  usage: "apikey create --project SLUG --scopes ingest,datasets:read,admin [--name NAME]",
  async run(args, io) {
    const flags = parseCommandArgs(args, { project: { type: "string" }, scopes: { type: "string" }, name: { type: "string" } });
    const slug = requireFlag(flags.project, "project");
    const input = await runDomainCommand(() =>
      parseInput(createApiKeySchema, {
        name: flags.name ?? "cli",
        scopes: requireFlag(flags.scopes, "scopes").split(",").map((scope) => scope.trim()).filter(Boolean),
      }),
    );
    const { key, secret } = await withCliDatabase((db) =>
      runDomainCommand(async () => {
        const project = await findProjectBySlug(db, slug);
        if (!project) throw new NotFoundError(`no project with slug "${slug}"`, { field: "project" });
        return createApiKey(db, { projectId: project.id, userId: null }, input);
      }),
    );
    // The secret alone goes to stdout so scripts can capture it: KEY=$(npx goldloop apikey create …)
    io.stderr(`created API key "${key.name}" (gl_${key.prefix}_…) with scopes ${key.scopes.join(", ")}; store the secret now, it is not shown again\n`);
    io.stdout(`${secret}\n`);
    return 0;
  },
};
