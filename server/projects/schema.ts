import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

export const projectSlugSchema = safeText(48, { trim: true })
  .toLowerCase()
  .regex(/^[a-z0-9]([a-z0-9-]{0,46}[a-z0-9])?$/, "use 1–48 lowercase letters, digits or dashes, not starting or ending with a dash");

export const createProjectSchema = z.object({
  name: safeText(80, { trim: true }).min(1, "enter a project name"),
  slug: projectSlugSchema.optional(),
});
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

/** A URL-safe slug from a project name: "Support Bot (EU)" becomes "support-bot-eu". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return slug || "project";
}
