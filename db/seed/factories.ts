import { randomBytes } from "node:crypto";
import type { ProjectRole } from "../types";
import { hashPassword } from "../../server/auth/passwords";
import type { Executor } from "../executor";

/** The password every seeded person signs in with. */
export const SEED_PASSWORD = "correct-horse-battery";
let seedPasswordHash: Promise<string> | undefined;

const uniqueSuffix = () => randomBytes(4).toString("hex");

/** A person who can sign in with SEED_PASSWORD. */
export async function seedUser(db: Executor, overrides: { email?: string; name?: string; isInstanceAdmin?: boolean } = {}) {
  const suffix = uniqueSuffix();
  return db
    .insertInto("users")
    .values({
      email: overrides.email ?? `person-${suffix}@example.test`,
      name: overrides.name ?? `Person ${suffix}`,
      password_hash: await (seedPasswordHash ??= hashPassword(SEED_PASSWORD)),
      is_instance_admin: overrides.isInstanceAdmin ?? false,
    })
    .returning(["id", "email", "name", "is_instance_admin as isInstanceAdmin"])
    .executeTakeFirstOrThrow();
}

export async function seedProject(db: Executor, overrides: { name?: string; slug?: string } = {}) {
  const suffix = uniqueSuffix();
  return db
    .insertInto("projects")
    .values({ name: overrides.name ?? `Project ${suffix}`, slug: overrides.slug ?? `project-${suffix}` })
    .returning(["id", "slug", "name"])
    .executeTakeFirstOrThrow();
}

export async function seedMembership(db: Executor, values: { projectId: string; userId: string; role: ProjectRole }) {
  await db.insertInto("memberships").values({ project_id: values.projectId, user_id: values.userId, role: values.role }).execute();
}

/** A project with one member per role, plus an outsider who belongs to none of it. */
export async function seedProjectTeam(db: Executor) {
  const project = await seedProject(db);
  const roles: ProjectRole[] = ["annotator", "lead", "ml", "admin"];
  const members = {} as Record<ProjectRole, Awaited<ReturnType<typeof seedUser>>>;
  for (const role of roles) {
    members[role] = await seedUser(db, { name: `${role} of ${project.name}` });
    await seedMembership(db, { projectId: project.id, userId: members[role].id, role });
  }
  const outsider = await seedUser(db, { name: "Outsider" });
  return { project, members, outsider };
}

/** `count` project members of one role, annotators unless told otherwise. */
export async function seedReviewers(db: Executor, values: { projectId: string; count: number; role?: ProjectRole }) {
  const people = [];
  for (let index = 0; index < values.count; index += 1) {
    const person = await seedUser(db, { name: `Reviewer ${index + 1}` });
    await seedMembership(db, { projectId: values.projectId, userId: person.id, role: values.role ?? "annotator" });
    people.push(person);
  }
  return people;
}
