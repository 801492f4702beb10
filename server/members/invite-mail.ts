import type { OutgoingMail } from "@/server/mail/mailer";

/** The plain-text invitation email. */
export function composeInviteMail(values: { to: string; url: string; role: string; invite: { expiresAt: Date; note: string | null } }): OutgoingMail {
  return {
    to: values.to,
    subject: "You are invited to a Goldloop project",
    text: [
      `You are invited to join a Goldloop project as ${values.role}.`,
      values.invite.note ? `\nNote from the admin: ${values.invite.note}\n` : "",
      `Open this link to accept (it works once, until ${values.invite.expiresAt.toUTCString()}):`,
      "",
      values.url,
      "",
      "If you did not expect this, ignore this email.",
    ].join("\n"),
  };
}
