import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignOutButton } from "@/components/shell/sign-out-button";

export default function Forbidden() {
  return (
    <AuthCard title="You do not have access to this page" description="Your role in this project does not include it, or you are no longer a member.">
      <div className="flex items-center gap-3">
        <Link href="/" className="inline-flex h-10 items-center rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700">
          Go to my projects
        </Link>
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
