import type { LabelValue } from "@/server/labels/answer-values";
import type { LabelField } from "@/server/labels/field-types";
import { formatLabelValue } from "./format-value";

/** An answer or a gold label field by field, each value as a reviewer reads it; fields without a value say so. */
export function ValuesList({ fields, values, emphasis = false }: { fields: readonly LabelField[]; values: Record<string, unknown>; emphasis?: boolean }) {
  return (
    <dl className="space-y-2">
      {fields.map((field) => {
        const value = values[field.key] as LabelValue | undefined;
        return (
          <div key={field.key}>
            <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{field.title}</dt>
            <dd className={emphasis ? "mt-0.5 text-sm font-semibold break-words whitespace-pre-wrap text-zinc-900" : "mt-0.5 text-sm break-words whitespace-pre-wrap text-zinc-800"}>
              {value === undefined ? <span className="font-normal text-zinc-500">not answered</span> : formatLabelValue(field, value)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
