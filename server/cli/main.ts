import { CliUsageError, type CliCommand, type CliIo } from "./command";
import { cliCommands } from "./commands";

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function formatHelp(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.path.join(" ").length));
  const lines = commands.map((command) => `  ${command.path.join(" ").padEnd(width)}  ${command.summary}`);
  return [
    "goldloop: loop engineering for AI systems",
    "",
    "Usage: goldloop <command> [flags]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run `goldloop <command> --help` for a command's flags.",
    "",
  ].join("\n");
}

/** Picks the command whose words match the longest prefix of argv. */
function findCommand(argv: string[]): CliCommand | undefined {
  return cliCommands
    .filter((command) => command.path.every((word, index) => argv[index] === word))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    io.stdout(formatHelp(cliCommands));
    return 0;
  }
  const command = findCommand(argv);
  if (!command) {
    io.stderr(`goldloop: unknown command "${argv.join(" ")}"\n\n${formatHelp(cliCommands)}`);
    return 2;
  }
  const args = argv.slice(command.path.length);
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(`${command.summary}\n\nUsage: goldloop ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`goldloop ${command.path.join(" ")}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`goldloop ${command.path.join(" ")}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
