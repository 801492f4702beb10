import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";

export default function NotFound() {
  return (
    <AuthCard title="Page not found" description="The link may be mistyped, or the thing it pointed to was removed.">
      <Link href="/" className="inline-flex h-10 items-center rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700">
        Go to my projects
      </Link>
    </AuthCard>
  );
}
