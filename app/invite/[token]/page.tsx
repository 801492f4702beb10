import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptAsSignedIn, AcceptWithNewAccount } from "@/components/members/invite-acceptance";
import { Alert } from "@/components/ui/alert";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/session";
import { inviteTokenSchema } from "@/server/members/schema";

export const metadata: Metadata = { title: "Invitation" };

const unusableMessages = {
  unknown: "This invite link is not valid. Check that you copied all of it.",
  accepted: "This invite link was already used. Ask a project admin for a new one.",
  revoked: "This invite link was revoked. Ask a project admin for a new one.",
  expired: "This invite link has expired. Ask a project admin for a new one.",
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // A token no invite can have (too long, unstorable text) is simply unknown, not a request to refuse.
  const isWellFormed = inviteTokenSchema.safeParse({ token }).success;
  const [invite, user] = await Promise.all([
    isWellFormed ? getQueryClient().fetchQuery(trpc.invites.inspect.queryOptions({ token })) : { status: "unknown" as const },
    getSessionUser(),
  ]);
  if (invite.status !== "valid") {
    return (
      <AuthCard title="This invitation cannot be used">
        <Alert tone="error">{unusableMessages[invite.status]}</Alert>
        <Link href="/" className="mt-4 block text-center text-sm font-medium underline">
          Go to Goldloop
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={`Join ${invite.projectName}`}
      description={
        <>
          {invite.invitedByName ?? "A project admin"} invited you as <strong className="text-zinc-800">{invite.role}</strong>.
        </>
      }
    >
      {user ? <AcceptAsSignedIn token={token} userEmail={user.email} projectName={invite.projectName} /> : <AcceptWithNewAccount token={token} />}
    </AuthCard>
  );
}
