import type { ReactNode } from "react";
import { Logo } from "./logo";

/** The centred card that sign-in, setup and invite pages share. */
export function AuthCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8">
        <Logo />
      </div>
      <div className="w-full max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-zinc-200">
        <h1 className="text-xl font-semibold text-zinc-900">{title}</h1>
        {description && <div className="mt-1.5 text-sm text-zinc-500">{description}</div>}
        <div className="mt-6">{children}</div>
      </div>
    </main>
  );
}
