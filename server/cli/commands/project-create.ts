import { createProjectSchema } from "@/server/projects/schema";
import { createProject } from "@/server/projects/service";
import { NotFoundError } from "@/server/lib/errors";
import { parseInput } from "@/server/lib/validation";
import { findUserByEmail } from "@/server/users/queries";
import { parseCommandArgs, requireFlag, type CliCommand } from "../command";
import { withCliDatabase } from "../database";
import { runDomainCommand } from "../domain-errors";

export const projectCreateCommand: CliCommand = {
  path: ["project", "create"],
  summary: "Create a project, optionally with a first admin",
  usage: "project create --name NAME [--slug SLUG] [--admin-email EMAIL]",
  async run(args, io) {
    const flags = parseCommandArgs(args, { name: { type: "string" }, slug: { type: "string" }, "admin-email": { type: "string" } });
    const input = await runDomainCommand(() => parseInput(createProjectSchema, { name: requireFlag(flags.name, "name"), slug: flags.slug }));
    const project = await withCliDatabase((db) =>
      runDomainCommand(async () => {
        const adminEmail = flags["admin-email"];
        const owner = adminEmail ? await findUserByEmail(db, adminEmail) : null;
        if (adminEmail && !owner) throw new NotFoundError(`no user with email ${adminEmail}; create one with \`goldloop user create\``, { field: "admin-email" });
        return createProject(db, input, owner ?? null, { isTrustedCaller: true });
      }),
    );
    io.stdout(`created project ${project.slug} (${project.id})\n`);
    return 0;
  },
};
