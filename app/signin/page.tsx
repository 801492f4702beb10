import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { listSsoProviders } from "@/server/auth/providers";
import { getSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };

/** Only same-site paths, so a crafted link cannot bounce people to another site after sign-in. */
function safeCallbackUrl(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getSessionUser()) redirect(target);
  const { isSetupNeeded } = await getQueryClient().fetchQuery(trpc.setup.status.queryOptions());
  return (
    <AuthCard title="Sign in to Goldloop" description="Review, correct and curate what your models produce.">
      {isSetupNeeded && (
        <div className="mb-6">
          <Alert tone="info" title="Goldloop has no admin yet">
            Open the one-time setup link that the server printed when it started. Restarting the server prints a fresh one.
          </Alert>
        </div>
      )}
      <SignInForm callbackUrl={target} ssoProviders={listSsoProviders()} initialError={error} />
      <p className="mt-6 text-center text-xs text-zinc-500">
        New here? Ask a project admin for an invite link.{" "}
        {/* A plain link: next/link would prefetch this JSON endpoint as if it were a page. */}
        <a className="underline" href="/api/v1/health">
          Server status
        </a>
      </p>
    </AuthCard>
  );
}
