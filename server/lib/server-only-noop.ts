// Stand-in for the `server-only` marker package when code runs under Vitest, tsx or the CLI, where there is no client bundle to guard.
export {};
