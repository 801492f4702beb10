import { z } from "zod";

export const projectSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]([a-z0-9-]{0,46}[a-z0-9])?$/, "use 1–48 lowercase letters, digits or dashes, not starting or ending with a dash");

export const createProjectSchema = z.object({
  name: z.string().trim().min(1, "enter a project name").max(80, "use at most 80 characters"),
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
