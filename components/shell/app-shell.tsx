"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { Logo } from "@/components/auth/logo";
import { cn } from "@/components/ui/cn";
import { Kbd } from "@/components/ui/kbd";
import { hasAnyRole, type ProjectRole } from "@/server/auth/roles";
import { useRememberProject } from "./last-project";
import { navItems } from "./nav-items";
import { usePageShortcuts } from "./page-shortcuts";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { SignOutButton } from "./sign-out-button";
import { useShortcuts, type Shortcut } from "./use-shortcuts";

type ShellProject = { id: string; slug: string; name: string; role: ProjectRole };
type ShellUser = { name: string; email: string; isInstanceAdmin: boolean };

export function AppShell({ user, project, projects, children }: { user: ShellUser; project: ShellProject; projects: ShellProject[]; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const switcher = useRef<HTMLSelectElement>(null);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  useRememberProject(project.slug);

  const base = `/p/${project.slug}`;
  const visibleItems = useMemo(() => navItems.filter((item) => item.roles === null || hasAnyRole(project.role, item.roles)), [project.role]);
  const shortcuts = useMemo<Shortcut[]>(
    () => [
      ...visibleItems.map((item) => ({ keys: ["g", item.shortcut], label: `Go to ${item.label}`, run: () => router.push(`${base}${item.path}`) })),
      { keys: ["p"], label: "Switch project", run: () => switcher.current?.focus() },
      { keys: ["?"], label: "Show keyboard shortcuts", run: () => setIsHelpOpen(true) },
    ],
    [visibleItems, router, base],
  );
  useShortcuts(shortcuts, { isListed: false });
  const pageShortcuts = usePageShortcuts();

  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="flex shrink-0 flex-col border-b border-zinc-200 bg-white md:sticky md:top-0 md:h-screen md:w-56 md:border-r xl:w-64 md:border-b-0">
        <div className="flex items-center justify-between px-5 py-4">
          <Link href="/" aria-label="Goldloop home">
            <Logo />
          </Link>
          <button type="button" onClick={() => setIsHelpOpen(true)} className="rounded p-1 text-zinc-500 hover:bg-zinc-100" aria-label="Keyboard shortcuts">
            <Kbd>?</Kbd>
          </button>
        </div>
        <div className="px-3 pb-3">
          <label htmlFor="project-switcher" className="mb-1 flex items-center justify-between px-2 text-xs font-medium text-zinc-500">
            Project <Kbd>p</Kbd>
          </label>
          <select
            id="project-switcher"
            ref={switcher}
            value={project.slug}
            onChange={(event) => (event.target.value === "__new" ? router.push("/projects/new") : router.push(`/p/${event.target.value}`))}
            className="block w-full rounded-md border-0 bg-zinc-50 px-2.5 py-2 text-sm font-medium ring-1 ring-inset ring-zinc-200 focus:ring-2 focus:ring-gold-500"
          >
            {projects.map((candidate) => (
              <option key={candidate.id} value={candidate.slug}>
                {candidate.name}
              </option>
            ))}
            {user.isInstanceAdmin && <option value="__new">+ New project…</option>}
          </select>
        </div>
        <nav aria-label="Project" className="flex gap-1 overflow-x-auto px-3 pb-3 md:flex-col md:overflow-visible">
          {visibleItems.map((item) => {
            const href = `${base}${item.path}`;
            // A section stays marked on its inner pages (a queue, a person); Overview only on itself.
            const isActive = pathname === href || (item.path !== "" && pathname.startsWith(`${href}/`));
            return (
              <Link
                key={item.path}
                href={href}
                aria-current={isActive ? "page" : undefined}
                className={cn(
                  "group flex items-center justify-between rounded-md px-2.5 py-1.5 text-sm whitespace-nowrap",
                  isActive ? "bg-gold-50 font-medium text-zinc-900 ring-1 ring-gold-200" : "text-zinc-600 hover:bg-zinc-100",
                )}
              >
                {item.label}
                <span className="ml-3 hidden gap-0.5 opacity-0 group-hover:opacity-100 md:flex">
                  <Kbd>g</Kbd>
                  <Kbd>{item.shortcut}</Kbd>
                </span>
              </Link>
            );
          })}
        </nav>
        <div className="mt-auto hidden border-t border-zinc-100 px-5 py-4 md:block">
          <p className="truncate text-sm font-medium text-zinc-900">{user.name}</p>
          <p className="truncate text-xs text-zinc-500">
            {user.email} · {project.role}
          </p>
          <div className="mt-3">
            <SignOutButton variant="ghost" />
          </div>
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-4 py-8 md:px-6 xl:px-10">
        <div className="mx-auto max-w-5xl">{children}</div>
      </main>
      <ShortcutsDialog isOpen={isHelpOpen} onClose={() => setIsHelpOpen(false)} shortcuts={shortcuts} pageShortcuts={pageShortcuts} />
    </div>
  );
}
