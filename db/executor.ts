import type { Kysely, Transaction } from "kysely";
import type { DB } from "./types";

/** What a query runs on: the pool, or the caller's transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;
