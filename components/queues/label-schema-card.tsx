import { MAX_NUMBER_KEYS, numberKeyOf } from "@/components/labels/field-stops";
import { describeConsensus, describeFieldShape, fieldTypeTitles } from "@/components/labels/field-wording";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Kbd } from "@/components/ui/kbd";
import { countOf } from "@/components/ui/plural";
import type { LabelSchema } from "@/server/queues/schema";

/** What reviewers answer: every field with its type, shape, options or criteria, and how it becomes gold. */
export function LabelSchemaCard({ labelSchema, majorityThreshold }: { labelSchema: LabelSchema; majorityThreshold: number }) {
  return (
    <Card>
      <CardHeader title="Label" description={`${countOf(labelSchema.fields.length, "field")}. J and K move between them while reviewing.`} />
      <ol className="divide-y divide-zinc-100 text-sm">
        {labelSchema.fields.map((field) => (
          <li key={field.key} className="space-y-1.5 px-5 py-3">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-zinc-900">{field.title}</span>
              <Badge>{fieldTypeTitles[field.type]}</Badge>
              {!field.required && <span className="text-xs text-zinc-500">optional</span>}
            </p>
            {field.hint && <p className="text-zinc-600">{field.hint}</p>}
            <p className="text-xs text-zinc-500">
              {describeFieldShape(field)} · gold by {describeConsensus(field, majorityThreshold)}
            </p>
            {(field.type === "categorical" || field.type === "multi_select") && (
              <ol className="space-y-1">
                {field.options.map((option, index) => (
                  <li key={option.value} className="flex items-center gap-2">
                    {index < MAX_NUMBER_KEYS && <Kbd>{numberKeyOf(index + 1)}</Kbd>}
                    <span className="text-zinc-900">{option.title}</span>
                    <span className="font-mono text-xs text-zinc-500">{option.value}</span>
                  </li>
                ))}
              </ol>
            )}
            {field.type === "rubric" && (
              <ul className="space-y-1">
                {field.criteria.map((criterion) => (
                  <li key={criterion.key} className="flex flex-wrap items-center gap-2 text-zinc-800">
                    {criterion.title}
                    <span className="text-xs text-zinc-500">{criterion.scale === "pass_fail" ? "pass/fail" : "1–5"}</span>
                    {criterion.assertion && <Badge tone="gold">assertion</Badge>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <p className="border-t border-zinc-100 px-5 py-3 text-xs text-zinc-500">
        {labelSchema.allowNote ? "Notes allowed" : "No notes"} · {labelSchema.allowCorrection ? "corrected output asked for" : "no corrected output"}
      </p>
    </Card>
  );
}
