"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { errorMessage } from "@/components/ui/form-errors";
import { countOf } from "@/components/ui/plural";
import { Table, Td, Th } from "@/components/ui/table";
import { projectRoles, type ProjectRole } from "@/server/auth/roles";
import { useMembers } from "./use-members";

type Member = ReturnType<typeof useMembers>["members"][number];

export function MembersTable({ projectId, canManage, currentUserId }: { projectId: string; canManage: boolean; currentUserId: string }) {
  const { members, changeRole, remove } = useMembers(projectId);
  const [toRemove, setToRemove] = useState<Member | null>(null);
  return (
    <Card>
      <CardHeader title="Members" description={`${countOf(members.length, "person", "people")} in this project.`} />
      {changeRole.error && (
        <div className="px-5 pt-4">
          <Alert tone="error">{errorMessage(changeRole.error)}</Alert>
        </div>
      )}
      <Table>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Joined</Th>
            {canManage && <Th className="text-right">Actions</Th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {members.map((member) => (
            <tr key={member.userId}>
              <Td className="font-medium text-zinc-900">
                {member.name}
                {member.userId === currentUserId && <span className="ml-1.5 text-xs font-normal text-zinc-500">(you)</span>}
              </Td>
              <Td>{member.email}</Td>
              <Td>
                {canManage ? (
                  <select
                    aria-label={`Role of ${member.name}`}
                    value={member.role}
                    disabled={changeRole.isPending}
                    onChange={(event) => changeRole.mutate({ projectId, userId: member.userId, role: event.target.value as ProjectRole })}
                    className="rounded-md border-0 bg-white py-1 pr-7 pl-2 text-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-gold-500"
                  >
                    {projectRoles.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                ) : (
                  member.role
                )}
              </Td>
              <Td className="text-zinc-500"><DateTime value={member.joinedAt} style="date" /></Td>
              {canManage && (
                <Td className="text-right">
                  <Button size="sm" variant="ghost" aria-label={`Remove ${member.name}`} onClick={() => setToRemove(member)}>
                    Remove
                  </Button>
                </Td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
      <ConfirmDialog
        isOpen={toRemove !== null}
        title={`Remove ${toRemove?.name ?? ""}?`}
        body="They lose access to this project on their next request. Their past labels stay."
        confirmLabel="Remove member"
        isBusy={remove.isPending}
        error={errorMessage(remove.error)}
        onConfirm={() => toRemove && remove.mutate({ projectId, userId: toRemove.userId }, { onSuccess: () => setToRemove(null) })}
        onClose={() => {
          remove.reset();
          setToRemove(null);
        }}
      />
    </Card>
  );
}
