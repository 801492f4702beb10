import nodemailer from "nodemailer";
import { getEnv } from "@/server/lib/env";

export type OutgoingMail = { to: string; subject: string; text: string };
export type Mailer = { send: (mail: OutgoingMail) => Promise<void> };

/** A mailer that delivers through one SMTP server (smtp:// or smtps:// URL, credentials in the URL). */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return { send: async (mail) => void (await transport.sendMail({ from, ...mail })) };
}

let cached: Mailer | null | undefined;

/** The SMTP mailer when SMTP_URL is configured, else null: every flow that mails also works with a copied link. */
export function getMailer(): Mailer | null {
  if (cached === undefined) {
    const env = getEnv();
    cached = env.SMTP_URL && env.SMTP_FROM ? createSmtpMailer(env.SMTP_URL, env.SMTP_FROM) : null;
  }
  return cached;
}
