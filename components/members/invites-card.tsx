"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Table, Td, Th } from "@/components/ui/table";
import { InviteDialog } from "./invite-dialog";
import { useInvites } from "./use-members";

export function InvitesCard({ projectId, canEmail }: { projectId: string; canEmail: boolean }) {
  const { invites, revoke } = useInvites(projectId);
  const [isInviting, setIsInviting] = useState(false);
  return (
    <Card>
      <CardHeader
        title="Invitations"
        description="Open invite links. Revoke one to stop it working."
        action={<Button onClick={() => setIsInviting(true)}>Invite people</Button>}
      />
      {invites.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-500">No open invitations. Invite annotators, leads or your ML team with a one-time link.</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Role</Th>
              <Th>Note</Th>
              <Th>Created by</Th>
              <Th>Expires</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {invites.map((invite) => (
              <tr key={invite.id}>
                <Td>
                  <Badge tone="gold">{invite.role}</Badge>
                </Td>
                <Td>{invite.note ?? <span className="text-zinc-500">—</span>}</Td>
                <Td>{invite.createdByName ?? "—"}</Td>
                <Td>{invite.isExpired ? <Badge tone="red">expired</Badge> : <DateTime value={invite.expiresAt} />}</Td>
                <Td className="text-right">
                  <Button size="sm" variant="ghost" isBusy={revoke.isPending && revoke.variables?.inviteId === invite.id} onClick={() => revoke.mutate({ projectId, inviteId: invite.id })}>
                    Revoke
                  </Button>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <InviteDialog projectId={projectId} canEmail={canEmail} isOpen={isInviting} onClose={() => setIsInviting(false)} />
    </Card>
  );
}
