import type { ProjectRole } from "@/server/auth/roles";

export type NavItem = { label: string; path: string; shortcut: string; roles: readonly ProjectRole[] | null };

/** The project navigation; `roles: null` means every member sees it. */
export const navItems: NavItem[] = [
  { label: "Overview", path: "", shortcut: "o", roles: null },
  { label: "Queues", path: "/queues", shortcut: "q", roles: null },
  { label: "Conflicts", path: "/conflicts", shortcut: "c", roles: ["lead", "admin"] },
  // Leads see everyone; anyone else lands on their own page.
  { label: "Annotators", path: "/annotators", shortcut: "n", roles: ["annotator", "lead"] },
  { label: "Outputs", path: "/outputs", shortcut: "u", roles: ["lead", "ml", "admin"] },
  { label: "Datasets", path: "/datasets", shortcut: "d", roles: ["lead", "ml", "admin"] },
  { label: "Loop health", path: "/health", shortcut: "h", roles: ["lead", "ml", "admin"] },
  { label: "Webhooks", path: "/webhooks", shortcut: "w", roles: ["ml", "admin"] },
  { label: "Members", path: "/members", shortcut: "m", roles: ["lead", "admin"] },
  { label: "Privacy", path: "/privacy", shortcut: "p", roles: ["lead", "admin"] },
  { label: "API keys", path: "/api-keys", shortcut: "k", roles: ["admin"] },
  { label: "Audit log", path: "/audit", shortcut: "a", roles: ["admin"] },
];
