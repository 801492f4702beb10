import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { describeAgreement, formatInterval, formatShare, formatStatistic } from "./estimate-format";
import { Greek } from "./greek";
import type { JudgeAgreementData } from "./use-agreement";

/** An ingest call that sends a judge's answer for the field, short lines so it fits the empty state. */
function suggestionExample(fieldKey: string): string {
  return [
    "POST /api/v1/outputs",
    '{ "outputs": [{',
    '    "external_id": "chat-481",',
    '    "input": "…", "output": "…",',
    '    "suggestion": {',
    '      "source": "gpt-4o-judge",',
    `      "values": { "${fieldKey}": "<option>" } } }] }`,
  ].join("\n");
}

/** Each judge (suggestion source) against the people's gold: Cohen's κ with its interval, raw agreement and n. */
export function JudgeTable({ judges, fieldKey, replicates }: { judges: readonly JudgeAgreementData[]; fieldKey: string; replicates: number }) {
  const rows = judges.filter((judge) => judge.fieldKey === fieldKey);
  return (
    <Card>
      <CardHeader
        title="Judge versus human"
        description={`Each judge that sent suggestions, scored against the current gold of the same items: Cohen's κ corrects raw agreement for chance; the interval comes from ${replicates} bootstrap draws of items.`}
      />
      {rows.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No judge suggestions with gold yet">
            <p>Send your LLM judge&apos;s answer with each output as a suggestion; once those items have gold, the judge is scored here.</p>
            <pre className="mt-3 overflow-x-auto rounded-md bg-zinc-50 p-3 text-left font-mono text-xs text-zinc-700">{suggestionExample(fieldKey)}</pre>
          </EmptyState>
        </div>
      ) : (
        <Table aria-label="Judge versus human">
          <thead>
            <tr>
              <Th>Judge (source)</Th>
              <Th className="text-right">Items</Th>
              <Th className="text-right">Agreement</Th>
              <Th className="text-right">
                Cohen&apos;s <Greek letter="κ" />
              </Th>
              <Th className="text-right">95 % interval</Th>
              <Th>Reading</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((judge) => (
              <tr key={judge.source}>
                <Td className="font-medium text-zinc-900">{judge.source}</Td>
                <Td className="text-right tabular-nums">{judge.items.toLocaleString("en")}</Td>
                <Td className="text-right tabular-nums">{formatShare(judge.agreement)}</Td>
                <Td className="text-right tabular-nums">{formatStatistic(judge)}</Td>
                <Td className="text-right tabular-nums">{formatInterval(judge) || "—"}</Td>
                <Td>{describeAgreement(judge.value)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
