import { loadDemoProject } from "@/server/demo/service";
import { NotFoundError } from "@/server/lib/errors";
import { findUserByEmail } from "@/server/users/queries";
import { parseCommandArgs, type CliCommand } from "../command";
import { withCliDatabase } from "../database";
import { runDomainCommand } from "../domain-errors";

export const demoCommand: CliCommand = {
  path: ["demo"],
  summary: "Create a demo project with demo people, outputs, queues, gold and a release",
  usage: "demo [--admin-email EMAIL]",
  async run(args, io) {
    const flags = parseCommandArgs(args, { "admin-email": { type: "string" } });
    const demo = await withCliDatabase((db) =>
      runDomainCommand(async () => {
        const adminEmail = flags["admin-email"];
        const owner = adminEmail ? await findUserByEmail(db, adminEmail) : null;
        if (adminEmail && !owner) throw new NotFoundError(`no user with email ${adminEmail}; create one with \`goldloop user create\``, { field: "admin-email" });
        return loadDemoProject(db, owner ?? null, { isTrustedCaller: true });
      }),
    );
    const { project, people, password, summary } = demo;
    io.stdout(`created demo project ${project.slug} (${project.id})\n`);
    io.stdout(`  ${summary.outputs} outputs, ${summary.queued} queued items, ${summary.gold} gold labels, ${summary.conflicts} conflicts, dataset release ${summary.release}\n\n`);
    io.stdout(`sign in as (password for all: ${password})\n`);
    for (const person of people) io.stdout(`  ${person.role.padEnd(10)} ${person.name.padEnd(15)} ${person.email}\n`);
    return 0;
  },
};
