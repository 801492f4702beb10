import { bootstrapCohenKappa } from "@/server/quality/kappa-bootstrap";
import type { BootstrapOptions } from "@/server/quality/krippendorff";
import { createLevelCoder } from "./encode-answers";
import { finiteOrNull, type Estimate } from "./field-statistics";
import type { JudgeGoldPairs } from "./queries";

export type JudgeAgreement = Estimate & {
  source: string;
  fieldKey: string;
  /** Items with both a suggestion from this source and current gold for the field. */
  items: number;
  /** Share of those items where the suggestion equals the gold. */
  agreement: number;
};

/** Cohen's κ of a judge (a suggestion source) against current gold: the judge is one rater, the people's gold the other. */
export function measureJudgeAgreement(pairs: JudgeGoldPairs, optionValues: readonly string[], bootstrap: BootstrapOptions): JudgeAgreement {
  const coder = createLevelCoder(optionValues);
  const suggested = Int32Array.from(pairs.suggested, coder.codeOf);
  const gold = Int32Array.from(pairs.gold, coder.codeOf);
  let agreeing = 0;
  for (let item = 0; item < suggested.length; item += 1) if (suggested[item] === gold[item]) agreeing += 1;
  const { kappa, interval } = bootstrapCohenKappa(suggested, gold, coder.levels.length, bootstrap);
  const value = finiteOrNull(kappa);
  return {
    source: pairs.source,
    fieldKey: pairs.fieldKey,
    items: suggested.length,
    agreement: suggested.length > 0 ? agreeing / suggested.length : 0,
    value,
    lower: value === null ? null : finiteOrNull(interval.lower),
    upper: value === null ? null : finiteOrNull(interval.upper),
  };
}
