import { parseInput } from "@/server/lib/validation";
import { newAccountSchema } from "@/server/users/schema";
import { createPasswordUser } from "@/server/users/service";
import { parseCommandArgs, requireFlag, type CliCommand } from "../command";
import { withCliDatabase } from "../database";
import { runDomainCommand } from "../domain-errors";

export const userCreateCommand: CliCommand = {
  path: ["user", "create"],
  summary: "Create a person who signs in with email and password",
  usage: "user create --email EMAIL --password PASSWORD [--name NAME] [--admin]",
  async run(args, io) {
    const flags = parseCommandArgs(args, {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      admin: { type: "boolean", default: false },
    });
    const email = requireFlag(flags.email, "email");
    const input = await runDomainCommand(() =>
      parseInput(newAccountSchema, { email, password: requireFlag(flags.password, "password"), name: flags.name ?? email.split("@")[0] }),
    );
    const user = await withCliDatabase((db) => runDomainCommand(() => createPasswordUser(db, input, { isInstanceAdmin: flags.admin })));
    io.stdout(`created ${user.isInstanceAdmin ? "instance admin" : "user"} ${user.email} (${user.id})\n`);
    return 0;
  },
};
