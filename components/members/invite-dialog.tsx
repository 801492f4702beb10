"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { countOf } from "@/components/ui/plural";
import { projectRoleDescriptions, projectRoles, type ProjectRole } from "@/server/auth/roles";
import { INVITE_TTL_DAYS_DEFAULT } from "@/server/members/schema";
import { useInvites } from "./use-members";
import { DialogActions } from "@/components/ui/dialog-actions";

type InviteDialogProps = { projectId: string; canEmail: boolean; isOpen: boolean; onClose: () => void };

export function InviteDialog({ projectId, canEmail, isOpen, onClose }: InviteDialogProps) {
  const { create } = useInvites(projectId);
  const [role, setRole] = useState<ProjectRole>("annotator");
  const [note, setNote] = useState("");
  const [email, setEmail] = useState("");
  const [expiresInDays, setExpiresInDays] = useState(INVITE_TTL_DAYS_DEFAULT);

  const message = formError(create.error, ["role", "note", "expiresInDays", "email"]);

  function close() {
    create.reset();
    setNote("");
    setEmail("");
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ projectId, role, note: note || undefined, expiresInDays, email: email.trim() || undefined });
  }

  return (
    <Dialog isOpen={isOpen} onClose={close} title="Invite someone" description="Each link works once. Send it however you like: chat, email, a ticket.">
      {create.data ? (
        <div className="space-y-4">
          <Alert tone="success">Invite link created for the {create.data.role} role. It is shown only now.</Alert>
          {create.data.emailStatus === "sent" && <Alert tone="info">We also emailed it to {email}.</Alert>}
          {create.data.emailStatus === "failed" && <Alert tone="error">The email could not be sent ({create.data.emailError}). Copy the link instead.</Alert>}
          <CopyField label="Invite link" value={create.data.url} />
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          {message && <Alert tone="error">{message}</Alert>}
          <SelectField label="Role" value={role} hint={projectRoleDescriptions[role]} onChange={(e) => setRole(e.target.value as ProjectRole)}>
            {projectRoles.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </SelectField>
          {canEmail && (
            <TextField
              label="Email (optional)"
              type="email"
              placeholder="ana@example.com"
              hint="We email the link too. You get the link to copy either way."
              value={email}
              error={fieldError(create.error, "email")}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
          <TextField label="Note (optional)" placeholder="For Ana, support team" value={note} error={fieldError(create.error, "note")} onChange={(e) => setNote(e.target.value)} />
          <SelectField label="Expires after" value={expiresInDays} onChange={(e) => setExpiresInDays(Number(e.target.value))}>
            {[1, 3, 7, 14, 30].map((days) => (
              <option key={days} value={days}>
                {countOf(days, "day")}
              </option>
            ))}
          </SelectField>
          <DialogActions onCancel={close} isBusy={create.isPending} submitLabel="Create invite link" />
        </form>
      )}
    </Dialog>
  );
}
