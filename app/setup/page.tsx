import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { Alert } from "@/components/ui/alert";
import { getQueryClient, trpc } from "@/server/api/rsc";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const { isSetupNeeded } = await getQueryClient().fetchQuery(trpc.setup.status.queryOptions());
  if (!isSetupNeeded) {
    return (
      <AuthCard title="Goldloop is set up">
        <Alert tone="success">An admin account already exists.</Alert>
        <Link href="/signin" className="mt-4 block text-center text-sm font-medium text-zinc-900 underline">
          Sign in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Welcome to Goldloop"
      description="Create the first admin account. You will then create a project and invite your annotators, leads and ML team."
    >
      {token ? (
        <SetupForm token={token} />
      ) : (
        <Alert tone="info" title="This page needs the setup link">
          Open the one-time link the server printed when it started (it ends in <code>/setup?token=…</code>).
        </Alert>
      )}
    </AuthCard>
  );
}
