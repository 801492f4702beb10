import { Card, CardHeader } from "@/components/ui/card";
import { countOf } from "@/components/ui/plural";
import { Table, Td, Th } from "@/components/ui/table";
import { formatShare } from "./estimate-format";
import type { AnnotatorAgreementData } from "./use-agreement";

function GoldAccuracyCell({ gold }: { gold: AnnotatorAgreementData["goldAccuracy"] }) {
  if (!gold) return <span className="text-zinc-500">no checks</span>;
  return (
    <>
      {formatShare(gold.accuracy)}{" "}
      <span className="text-xs text-zinc-500">
        ({formatShare(gold.lower)} – {formatShare(gold.upper)}, {gold.correct}/{gold.checks})
      </span>
    </>
  );
}

/** Per annotator: how much they answered, how often others agreed with them, their fitted reliability and gold accuracy. */
export function AnnotatorAgreementTable({ rows, fieldKey }: { rows: readonly AnnotatorAgreementData[]; fieldKey: string }) {
  return (
    <Card>
      <CardHeader
        title="Annotators"
        description="Agreement with others: the share of (their answer, another annotator's answer on the same item) pairs that match. Reliability: P(their answer is right) under the latest Dawid–Skene fit. Gold accuracy: answers on gold checks, with a 95 % Wilson interval."
      />
      {rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-500">No one has answered in this queue yet.</p>
      ) : (
        <Table aria-label="Agreement per annotator">
          <thead>
            <tr>
              <Th>Annotator</Th>
              <Th className="text-right">Answers</Th>
              <Th className="text-right">Agreement with others</Th>
              <Th className="text-right">Reliability (Dawid–Skene)</Th>
              <Th className="text-right">Gold accuracy</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((row) => {
              const reliability = row.reliability.find((entry) => entry.fieldKey === fieldKey);
              return (
                <tr key={row.annotatorId}>
                  <Td className="font-medium text-zinc-900">{row.name}</Td>
                  <Td className="text-right tabular-nums">{(row.answers[fieldKey] ?? 0).toLocaleString("en")}</Td>
                  <Td className="text-right tabular-nums">
                    {row.agreementWithOthers ? (
                      <>
                        {formatShare(row.agreementWithOthers.agreement)} <span className="text-xs text-zinc-500">of {countOf(row.agreementWithOthers.pairs, "pair")}</span>
                      </>
                    ) : (
                      <span className="text-zinc-500">no shared items</span>
                    )}
                  </Td>
                  <Td className="text-right tabular-nums">
                    {reliability ? (
                      <>
                        {formatShare(reliability.reliability)} <span className="text-xs text-zinc-500">{reliability.method === "one_coin" ? "one-coin" : "full"}</span>
                      </>
                    ) : (
                      <span className="text-zinc-500">not fitted</span>
                    )}
                  </Td>
                  <Td className="text-right tabular-nums">
                    <GoldAccuracyCell gold={row.goldAccuracy} />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
