import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/datasets/[slug]/releases/[release]/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { conversationToText } from "@/server/items/conversation-text";
import { inputToMessages } from "./conversation";
import { createLoopDataset, ingestAndReview, publishLoopRelease, startProductLoop, type ReviewedExample } from "./test-support";
import { checkOpenAiChatExample, checkOpenAiPreferenceExample, checkTrlPreferenceExample } from "./training-rules";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let readerKey = "";

/** Conversations of every shape the ingest API takes: text, chat arrays with system, developer and tool turns, empty turns. */
const examples: ReviewedExample[] = [
  { externalId: "text-corrected", input: "Where is my order?", output: "It ships tomorrow.", endUserId: "u1", verdict: "harmful", correction: "It shipped on Monday; tracking is in your email." },
  {
    externalId: "chat-kept",
    input: [
      { role: "system", content: "You are Acme's support bot." },
      { role: "developer", content: "Answer in one sentence." },
      { role: "user", content: "Can I change my plan?" },
      { role: "assistant", content: "Let me look that up." },
      { role: "tool", content: '{"plans":["pro","team"]}', name: "plans" },
      { role: "user", content: "" },
    ],
    output: [{ role: "assistant", content: "Yes: Settings → Billing → Change plan." }],
    endUserId: "u2",
    verdict: "helpful",
  },
  { externalId: "chat-corrected", input: [{ role: "user", content: "Reset my password" }], output: [{ role: "assistant", content: "Click 'forgot password'." }], endUserId: "u3", verdict: "harmful", correction: 'Click "Forgot password" on the sign-in page; the link lasts 1 hour.' },
  { externalId: "text-unchanged", input: "Do you ship to Canada?", output: "Yes, in 3–5 days.", endUserId: "u4", verdict: "helpful", correction: "Yes, in 3–5 days." },
  { externalId: "quoted, \"comma\"\nnewline", input: "Say \"hi\",\r\nplease", output: "hi, \"you\"", endUserId: "u5", verdict: "off_topic" },
];

function pull(query: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/v1/datasets/support/releases/1${query}`, { headers: { authorization: `Bearer ${readerKey}`, ...headers } });
  return GET(request, { params: Promise.resolve({ slug: "support", release: "1" }) });
}

const jsonLines = async (response: Response) => (await response.text()).split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

async function storedRows() {
  return testDb.db.selectFrom("release_rows").selectAll().where("project_id", "=", team.project.id).orderBy("position").execute();
}

/** A scratch file of the response's bytes, for DuckDB to read. */
async function saveBody(response: Response, name: string) {
  const path = join(mkdtempSync(join(tmpdir(), "goldloop-export-")), name);
  writeFileSync(path, Buffer.from(await response.arrayBuffer()));
  return path;
}

async function queryDuckDb(statement: string) {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(statement)).getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  const loop = await startProductLoop(testDb.db, team);
  await ingestAndReview(testDb.db, team, loop, examples);
  const dataset = await createLoopDataset(testDb.db, team, loop, "Support");
  await publishLoopRelease(testDb.db, team, dataset.id);
  ({ secret: readerKey } = await createCaller(createInnerContext({ db: testDb.db, user: team.members.admin })).apiKeys.create({ projectId: team.project.id, name: "trainer", scopes: ["datasets:read"] }));
});
afterAll(async () => {
  await closeDatabase();
});

describe("release formats on a release built by ingest, review and publish", () => {
  it("jsonl: the release row contract, rendered from the stored row, in gold order", async () => {
    const response = await pull("");
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="support-r1-jsonl.jsonl"');
    expect(response.headers.get("x-goldloop-row-count")).toBe("5");
    const lines = await jsonLines(response);
    const stored = await storedRows();
    expect(lines).toEqual(
      stored.map((row) => ({
        release: 1,
        external_id: row.external_id,
        input: row.input,
        output: row.original_output,
        candidates: row.candidates,
        label: row.label,
        assertions: row.assertions,
        correction: row.correction,
        method: row.method,
        confidence: row.confidence,
        split: row.split,
        schema_version: row.schema_version,
        queue: row.queue_name,
        lineage: row.lineage,
      })),
    );
    expect(lines.map((line) => Object.keys(line))).toEqual(lines.map(() => ["release", "external_id", "input", "output", "candidates", "label", "assertions", "correction", "method", "confidence", "split", "schema_version", "queue", "lineage"]));
    expect(new Set(lines.map((line) => line.external_id))).toEqual(new Set(examples.map((example) => example.externalId)));
  });

  it("openai: every line passes OpenAI's chat fine-tuning checks and teaches the gold text", async () => {
    const response = await pull("?format=openai");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="support-r1-openai.jsonl"');
    const lines = await jsonLines(response);
    expect(response.headers.get("x-goldloop-row-count")).toBe(String(lines.length));
    expect(lines).toHaveLength(examples.length);
    for (const line of lines) expect(checkOpenAiChatExample(line)).toEqual([]);
    const stored = await storedRows();
    const expectedAnswers = stored.map((row) => row.correction ?? conversationToText(row.original_output));
    expect(lines.map((line) => (line.messages as { content: string }[]).at(-1)!.content)).toEqual(expectedAnswers);
    const chat = lines.find((line) => (line.messages as { content: string }[]).some((message) => message.content === "Can I change my plan?"));
    expect(chat).toEqual({
      messages: [
        { role: "system", content: "You are Acme's support bot." },
        { role: "system", content: "Answer in one sentence." },
        { role: "user", content: "Can I change my plan?" },
        { role: "assistant", content: "Let me look that up.", weight: 0 },
        { role: "user", content: 'Tool result (plans): {"plans":["pro","team"]}' },
        { role: "assistant", content: "Yes: Settings → Billing → Change plan." },
      ],
    });
  });

  it("dpo: pairs only for corrected rows, chosen = correction and rejected = original, in both styles", async () => {
    const stored = await storedRows();
    const corrected = stored.filter((row) => row.correction !== null && row.correction !== conversationToText(row.original_output));
    expect(corrected.map((row) => row.external_id).sort()).toEqual(["chat-corrected", "text-corrected"]);

    const trl = await pull("?format=dpo");
    expect(trl.headers.get("content-disposition")).toBe('attachment; filename="support-r1-dpo-trl.jsonl"');
    expect(trl.headers.get("x-goldloop-row-count")).toBe("2");
    const trlLines = await jsonLines(trl);
    for (const line of trlLines) expect(checkTrlPreferenceExample(line)).toEqual([]);
    expect(trlLines).toEqual(
      corrected.map((row) => ({
        prompt: inputToMessages(row.input),
        chosen: [{ role: "assistant", content: row.correction }],
        rejected: [{ role: "assistant", content: conversationToText(row.original_output) }],
      })),
    );

    const openai = await pull("?format=dpo&dpo_style=openai");
    expect(openai.headers.get("content-disposition")).toBe('attachment; filename="support-r1-dpo-openai.jsonl"');
    const openaiLines = await jsonLines(openai);
    for (const line of openaiLines) expect(checkOpenAiPreferenceExample(line)).toEqual([]);
    expect(openaiLines.map((line) => line.preferred_output)).toEqual(trlLines.map((line) => line.chosen));
    expect(openaiLines.map((line) => line.non_preferred_output)).toEqual(trlLines.map((line) => line.rejected));
    expect(openaiLines.map((line) => (line.input as { messages: unknown }).messages)).toEqual(trlLines.map((line) => line.prompt));
  });

  it("csv: RFC 4180 that DuckDB parses back to the JSONL values, nested values as JSON text", async () => {
    const response = await pull("?format=csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="support-r1-csv.csv"');
    const path = await saveBody(response, "release.csv");
    const rows = await queryDuckDb(`select * from read_csv('${path}', header = true, all_varchar = true, strict_mode = true)`);
    const lines = await jsonLines(await pull(""));
    // Text cells hold the text; nested values hold JSON text that parses back to the value.
    const readCell = (cell: unknown, value: unknown) => (value !== null && typeof value === "object" ? JSON.parse(String(cell)) : cell);
    const cell = (value: unknown) => (value === null ? null : typeof value === "string" ? value : typeof value === "number" ? String(value) : value);
    expect(rows.map((row, index) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, readCell(value, lines[index]![key])])))).toEqual(
      lines.map((line) => Object.fromEntries(Object.entries(line).map(([key, value]) => [key, cell(value)]))),
    );
  });

  it("parquet: DuckDB reads it, with messages as list<struct<role, content>>", async () => {
    const response = await pull("?format=parquet");
    expect(response.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="support-r1-parquet.parquet"');
    const path = await saveBody(response, "release.parquet");
    const schema = await queryDuckDb(`select column_name, column_type from (describe select * from read_parquet('${path}'))`);
    expect(schema).toContainEqual({ column_name: "messages", column_type: "STRUCT(\"role\" VARCHAR, \"content\" VARCHAR)[]" });
    const rows = await queryDuckDb(`select release, external_id, split, messages, correction, confidence, label from read_parquet('${path}')`);
    const openai = await jsonLines(await pull("?format=openai"));
    const lines = await jsonLines(await pull(""));
    expect(rows.map((row) => ({ ...row, label: JSON.parse(String(row.label)) }))).toEqual(
      lines.map((line, index) => ({
        release: 1,
        external_id: line.external_id,
        split: line.split,
        messages: (openai[index]!.messages as { role: string; content: string }[]).map(({ role, content }) => ({ role, content })),
        correction: line.correction,
        confidence: line.confidence,
        label: line.label,
      })),
    );
  });

  it("split: only that split's rows, counted in the header and named in the file", async () => {
    const stored = await storedRows();
    for (const split of ["train", "validation", "test"] as const) {
      const response = await pull(`?split=${split}&format=csv`);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="support-r1-${split}-csv.csv"`);
      const expected = stored.filter((row) => row.split === split).length;
      expect(response.headers.get("x-goldloop-row-count")).toBe(String(expected));
      const path = await saveBody(response, `${split}.csv`);
      const rows = await queryDuckDb(`select split from read_csv('${path}', header = true, all_varchar = true, columns = {'release': 'VARCHAR', 'external_id': 'VARCHAR', 'split': 'VARCHAR', 'queue': 'VARCHAR', 'schema_version': 'VARCHAR', 'input': 'VARCHAR', 'output': 'VARCHAR', 'candidates': 'VARCHAR', 'label': 'VARCHAR', 'assertions': 'VARCHAR', 'correction': 'VARCHAR', 'method': 'VARCHAR', 'confidence': 'VARCHAR', 'lineage': 'VARCHAR'})`);
      expect(rows).toEqual(Array.from({ length: expected }, () => ({ split })));
    }
  });
});
