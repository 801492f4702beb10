import type { Executor } from "@/db/executor";
import { listGoldAccuracy, type GoldAccuracy } from "@/server/gold-items/accuracy-queries";
import { NotFoundError } from "@/server/lib/errors";
import type { Granularity } from "@/server/metrics/catalog";
import { readMetricPoints } from "@/server/metrics/queries";
import { parseLabelSchema } from "@/server/items/label-values";
import { primaryChoiceField } from "@/server/queues/schema";
import { listAnnotatorReliability, type AnnotatorReliability } from "@/server/truth/reliability-queries";
import type { AgreementWithOthers } from "./agreement-with-others-queries";
import { encodeAnswers } from "./encode-answers";
import { measureFieldAgreement, type AlphaResult, type CohenPair, type Estimate, type FleissResult } from "./field-statistics";
import { countAgreementWithOthers, groupSignatures } from "./item-signatures";
import { measureJudgeAgreement, type JudgeAgreement } from "./judge-statistics";
import { listAgreementDimensions } from "./dimensions";
import { findQueueLabelSchema, listPeopleNames, readCountedAnswers, readJudgeGoldPairs, type AnnotatorAnswers } from "./queries";
import { AGREEMENT_BOOTSTRAP, ALPHA_HISTORY_DAYS, MIN_SHARED_ITEMS } from "./schema";

export type FieldAgreement = {
  /** The field's key, or `field.part` for a rubric criterion or a multi-select option. */
  key: string;
  title: string;
  /** A single-choice field: judges are measured on these. */
  isChoice: boolean;
  /** Items with at least one counted answer, and the answers on them. */
  items: number;
  answers: number;
  annotators: number;
  alpha: AlphaResult;
  fleiss: FleissResult;
  /** Annotator pairs with at least one item in common; κ only for those with `minSharedItems` or more. */
  cohen: CohenPair[];
};

export type AlphaPoint = Estimate & { windowStart: Date; pairableItems: number };

export type AnnotatorAgreement = {
  annotatorId: string;
  name: string;
  /** Counted answers per field key. */
  answers: Record<string, number>;
  agreementWithOthers: Pick<AgreementWithOthers, "pairs" | "agreement"> | null;
  reliability: Array<Pick<AnnotatorReliability, "fieldKey" | "reliability" | "method" | "labelCount">>;
  goldAccuracy: Pick<GoldAccuracy, "checks" | "correct" | "accuracy" | "lower" | "upper"> | null;
};

export type QueueAgreement = {
  queue: { id: string; name: string };
  bootstrap: typeof AGREEMENT_BOOTSTRAP;
  minSharedItems: number;
  fields: FieldAgreement[];
  /** `agreement.alpha` from the loop-health metrics: measured on the queue's first field, per window of resolved items. */
  alphaOverTime: { fieldKey: string; granularity: Granularity; points: AlphaPoint[] };
  annotators: AnnotatorAgreement[];
  judges: JudgeAgreement[];
};

const DAY_MS = 86_400_000;

/**
 * Agreement on a queue's counted answers (no decoys, no gold checks), field by field: Krippendorff's α at
 * the field's level, Fleiss' κ, pairwise Cohen's κ, each with a seeded bootstrap interval over items; α per
 * window; per annotator agreement with the others, Dawid–Skene reliability and gold accuracy; and each
 * judge's κ against gold.
 */
export async function getQueueAgreement(
  db: Executor,
  params: { projectId: string; queueId: string; fieldKey?: string; granularity?: Granularity; now?: Date },
): Promise<QueueAgreement> {
  const queue = await findQueueLabelSchema(db, params);
  if (!queue) throw new NotFoundError("no such queue in this project", { field: "queueId" });
  const labelSchema = parseLabelSchema(queue.labelSchema);
  // A field's key selects all it is measured on (a rubric's criteria, a multi-select's options); a dimension's key, that one.
  const fields = listAgreementDimensions(labelSchema).filter((field) => params.fieldKey === undefined || field.fieldKey === params.fieldKey || field.key === params.fieldKey);
  if (fields.length === 0) {
    throw params.fieldKey === undefined
      ? new NotFoundError("agreement is measured on choice, rating, number, rubric and pairwise fields, and this queue has none", { field: "queueId" })
      : new NotFoundError(`the queue has no field "${params.fieldKey}" that agreement is measured on`, { field: "fieldKey" });
  }
  const granularity = params.granularity ?? "day";
  const now = params.now ?? new Date();
  const scope = { projectId: params.projectId, queueId: params.queueId };
  const fieldKeys = fields.map((field) => field.key);
  const choices = fields.filter((field) => field.isChoice);
  const [answers, judgePairs, alphaPoints, reliability, goldAccuracy] = await Promise.all([
    readCountedAnswers(db, { ...scope, dimensions: fields }),
    readJudgeGoldPairs(db, { ...scope, fieldKeys: choices.map((field) => field.key) }),
    readMetricPoints(db, params.projectId, { granularity, queueId: params.queueId, metrics: ["agreement.alpha"], since: new Date(now.getTime() - ALPHA_HISTORY_DAYS[granularity] * DAY_MS) }),
    listAnnotatorReliability(db, scope),
    listGoldAccuracy(db, scope),
  ]);

  const withOthers = new Map<string, { pairs: number; agreeing: number }>();
  const fieldResults = fields.map((field) => {
    const encoded = encodeAnswers(
      answers.filter((group) => group.fieldKey === field.key),
      field.levels,
    );
    const signatures = groupSignatures(encoded);
    // Agreement with the others is `measureAgreementWithOthers`'s count, taken from the answers already in
    // memory: the SQL version costs seconds on a 100k-item queue (the integration test holds both equal).
    // It reads single-choice fields only: a rubric's or a multi-select's many parts would outweigh them.
    if (field.isChoice) {
      const counted = countAgreementWithOthers(signatures, encoded.annotatorIds.length);
      encoded.annotatorIds.forEach((annotatorId, index) => {
        const total = withOthers.get(annotatorId) ?? { pairs: 0, agreeing: 0 };
        withOthers.set(annotatorId, { pairs: total.pairs + counted.pairs[index]!, agreeing: total.agreeing + counted.agreeing[index]! });
      });
    }
    return {
      key: field.key,
      title: field.title,
      isChoice: field.isChoice,
      items: encoded.itemCount,
      answers: encoded.items.length,
      annotators: encoded.annotatorIds.length,
      ...measureFieldAgreement(encoded, signatures, { level: field.level, minSharedItems: MIN_SHARED_ITEMS, bootstrap: AGREEMENT_BOOTSTRAP }),
    };
  });
  const optionsOf = new Map(choices.map((field) => [field.key, field.levels]));
  const judges = judgePairs.map((pairs) => measureJudgeAgreement(pairs, optionsOf.get(pairs.fieldKey) ?? [], AGREEMENT_BOOTSTRAP));

  const annotators = await summariseAnnotators(db, params.projectId, { answers, withOthers, reliability, goldAccuracy, fieldKeys });
  return {
    queue: { id: queue.id, name: queue.name },
    bootstrap: AGREEMENT_BOOTSTRAP,
    minSharedItems: MIN_SHARED_ITEMS,
    fields: fieldResults,
    alphaOverTime: {
      fieldKey: primaryChoiceField(labelSchema)?.key ?? "",
      granularity,
      points: alphaPoints.map((point) => {
        const ci = Array.isArray(point.detail.ci) ? (point.detail.ci as Array<number | null>) : [null, null];
        return { windowStart: point.windowStart, pairableItems: point.sampleSize, value: point.value, lower: point.value === null ? null : (ci[0] ?? null), upper: point.value === null ? null : (ci[1] ?? null) };
      }),
    },
    annotators,
    judges,
  };
}

/** One row per person who answered, was fitted or was checked on this queue, by name. */
async function summariseAnnotators(
  db: Executor,
  projectId: string,
  sources: { answers: AnnotatorAnswers[]; withOthers: Map<string, { pairs: number; agreeing: number }>; reliability: AnnotatorReliability[]; goldAccuracy: GoldAccuracy[]; fieldKeys: string[] },
): Promise<AnnotatorAgreement[]> {
  const rows = new Map<string, AnnotatorAgreement>();
  const rowOf = (annotatorId: string) => {
    let row = rows.get(annotatorId);
    if (!row) {
      row = { annotatorId, name: "", answers: {}, agreementWithOthers: null, reliability: [], goldAccuracy: null };
      rows.set(annotatorId, row);
    }
    return row;
  };
  for (const group of sources.answers) rowOf(group.annotatorId).answers[group.fieldKey] = group.values.length;
  for (const [annotatorId, { pairs, agreeing }] of sources.withOthers) {
    if (pairs > 0) rowOf(annotatorId).agreementWithOthers = { pairs, agreement: agreeing / pairs };
  }
  for (const entry of sources.reliability) {
    if (sources.fieldKeys.includes(entry.fieldKey)) {
      rowOf(entry.annotatorId).reliability.push({ fieldKey: entry.fieldKey, reliability: entry.reliability, method: entry.method, labelCount: entry.labelCount });
    }
  }
  for (const entry of sources.goldAccuracy) {
    rowOf(entry.annotatorId).goldAccuracy = { checks: entry.checks, correct: entry.correct, accuracy: entry.accuracy, lower: entry.lower, upper: entry.upper };
  }
  const names = await listPeopleNames(db, { projectId, userIds: [...rows.keys()] });
  for (const row of rows.values()) row.name = names.get(row.annotatorId) ?? "Former member";
  return [...rows.values()].sort((first, second) => first.name.localeCompare(second.name) || first.annotatorId.localeCompare(second.annotatorId));
}
