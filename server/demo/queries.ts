import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "@/db/types";

type Executor = Kysely<DB> | Transaction<DB>;

/** Creates a demo person, or gives an existing one (same email) the new demo password. */
export async function upsertDemoUser(db: Executor, values: { email: string; name: string; passwordHash: string }) {
  return db
    .insertInto("users")
    .values({ email: values.email, name: values.name, password_hash: values.passwordHash })
    .onConflict((conflict) =>
      conflict.expression(sql`lower(email)`).doUpdateSet({ password_hash: values.passwordHash, disabled_at: null, updated_at: sql`now()` }),
    )
    .returning(["id", "email", "name"])
    .executeTakeFirstOrThrow();
}
