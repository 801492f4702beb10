import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { createSmtpMailer } from "@/server/mail/mailer";
import { createInvite } from "./invite-service";

type ReceivedMail = { to: string[]; raw: string };

const testDb = setUpTestDatabase();
let smtp: SMTPServer;
let smtpPort: number;
const received: ReceivedMail[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        // Bodies arrive quoted-printable: join soft line breaks and decode =XX escapes to compare plain text.
        const decoded = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), raw: decoded });
        callback();
      });
    },
  });
  await new Promise<void>((done) => smtp.listen(0, "127.0.0.1", done));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  // The router reads SMTP settings from the environment, like the server does.
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
  process.env.SMTP_FROM = "Goldloop <goldloop@example.test>";
});

afterAll(async () => {
  await new Promise<void>((done) => smtp.close(() => done()));
});

describe("invite emails (SMTP optional)", () => {
  it("sends the invite link to a real SMTP server on loopback", async () => {
    const { project, members } = await seedProjectTeam(testDb.db);
    const caller = createCaller(createInnerContext({ db: testDb.db, user: members.admin }));
    const invite = await caller.invites.create({ projectId: project.id, role: "lead", email: "Ana@Example.test", note: "Welcome aboard" });
    expect(invite.emailStatus).toBe("sent");
    const mail = received.at(-1)!;
    expect(mail.to).toEqual(["ana@example.test"]);
    expect(mail.raw).toContain(invite.url);
    expect(mail.raw).toContain("as lead");
  });

  it("keeps the invite and reports the failure when the SMTP server is unreachable", async () => {
    const { project, members } = await seedProjectTeam(testDb.db);
    const unreachable = createSmtpMailer("smtp://127.0.0.1:9", "goldloop@example.test");
    const invite = await createInvite(
      testDb.db,
      { projectId: project.id, userId: members.admin.id },
      { role: "annotator", expiresInDays: 7, email: "bo@example.test" },
      { publicUrl: "http://localhost:3000", mailer: unreachable },
    );
    expect(invite).toMatchObject({ emailStatus: "failed", emailError: expect.any(String) });
    const stored = await testDb.db.selectFrom("invites").select("id").where("id", "=", invite.id).executeTakeFirst();
    expect(stored).toBeDefined();
  });

  it("refuses an email address when no mailer is configured, naming the field", async () => {
    const { project, members } = await seedProjectTeam(testDb.db);
    const attempt = createInvite(
      testDb.db,
      { projectId: project.id, userId: members.admin.id },
      { role: "annotator", expiresInDays: 7, email: "bo@example.test" },
      { publicUrl: "http://localhost:3000", mailer: null },
    );
    await expect(attempt).rejects.toMatchObject({ field: "email" });
  });
});
