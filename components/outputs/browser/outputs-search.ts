import { outputFiltersSchema, type ListOutputsInput } from "@/server/outputs/schema";

/**
 * The outputs page keeps its filters in the URL, under the REST API's parameter names, so a search can be
 * bookmarked, shared and pasted into `GET /api/v1/outputs`. Dates are whole UTC days: `to` includes its day.
 */
export type OutputsSearchForm = {
  q: string;
  model: string;
  tags: string;
  metadata: string;
  signal: string;
  from: string;
  to: string;
  consent: "" | "true" | "false";
  sessionId: string;
  endUserId: string;
};

export const EMPTY_OUTPUTS_SEARCH: OutputsSearchForm = { q: "", model: "", tags: "", metadata: "", signal: "", from: "", to: "", consent: "", sessionId: "", endUserId: "" };

type SearchParamsLike = { get(name: string): string | null; getAll(name: string): string[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const splitList = (text: string) =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

/** The form as the URL describes it. */
export function readOutputsSearchForm(params: SearchParamsLike): OutputsSearchForm {
  const consent = params.get("consent");
  return {
    q: params.get("q") ?? "",
    model: params.get("model") ?? "",
    tags: params.getAll("tag").join(", "),
    metadata: params.getAll("metadata").join(", "),
    signal: params.get("signal") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    consent: consent === "true" || consent === "false" ? consent : "",
    sessionId: params.get("session_id") ?? "",
    endUserId: params.get("end_user_id") ?? "",
  };
}

/** The URL query of a search and the page cursor (`after`); empty fields are left out. */
export function writeOutputsSearch(form: OutputsSearchForm, after?: string): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string) => value.trim() && params.append(name, value.trim());
  set("q", form.q);
  set("model", form.model);
  for (const tag of splitList(form.tags)) params.append("tag", tag);
  for (const pair of splitList(form.metadata)) params.append("metadata", pair);
  set("signal", form.signal);
  set("from", form.from);
  set("to", form.to);
  set("consent", form.consent);
  set("session_id", form.sessionId);
  set("end_user_id", form.endUserId);
  if (after) params.set("after", after);
  const query = params.toString();
  return query ? `?${query}` : "";
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

/**
 * The list query for a form. A value the filters refuse (edited into the URL by hand) is dropped and
 * reported, so the page shows every other filter instead of an error.
 */
export function toOutputsQuery(form: OutputsSearchForm, after: string | null): { input: Omit<ListOutputsInput, "limit">; ignored: string[] } {
  const candidate: Record<string, unknown> = {
    q: form.q.trim() || undefined,
    model: form.model.trim() || undefined,
    tags: splitList(form.tags).length > 0 ? splitList(form.tags) : undefined,
    metadata: splitList(form.metadata).length > 0 ? splitList(form.metadata) : undefined,
    signal: form.signal || undefined,
    from: DAY.test(form.from) ? `${form.from}T00:00:00Z` : form.from || undefined,
    to: DAY.test(form.to) ? nextDay(form.to) : form.to || undefined,
    consent: form.consent === "" ? undefined : form.consent === "true",
    sessionId: form.sessionId.trim() || undefined,
    endUserId: form.endUserId.trim() || undefined,
  };
  const input: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(candidate)) {
    if (value === undefined) continue;
    const field = outputFiltersSchema.shape[key as keyof typeof outputFiltersSchema.shape];
    const parsed = field.safeParse(value);
    if (parsed.success) input[key] = parsed.data;
    else ignored.push(key);
  }
  return { input: { ...input, ...(after ? { cursor: after } : {}) }, ignored };
}

/** True when both dates are set and From comes after To (as toOutputsQuery reads them): a range nothing can fall in. */
export const areDatesReversed = ({ from, to }: { from?: string; to?: string }) => from !== undefined && to !== undefined && new Date(from) >= new Date(to);
