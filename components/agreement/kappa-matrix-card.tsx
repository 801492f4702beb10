import { Card, CardHeader } from "@/components/ui/card";
import { countOf } from "@/components/ui/plural";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatInterval, formatStatistic } from "./estimate-format";
import { Greek } from "./greek";
import { colorForKappa, KAPPA_TEXT_COLOR } from "./kappa-color";
import type { FieldAgreementData } from "./use-agreement";
import { ShowNumbers } from "@/components/ui/show-numbers";

/** The matrix stays readable up to this many people; the table below always lists every pair. */
const MATRIX_LIMIT = 24;

type Pair = FieldAgreementData["cohen"][number];

/** A cell's words, row annotator first, for hover and for assistive technology. */
function describePair(pair: Pair, rowName: string, columnName: string): string {
  const who = `${rowName} and ${columnName}`;
  if (pair.value === null) return `${who}: ${countOf(pair.sharedItems, "item")} in common, too few for κ`;
  return `${who}: κ ${formatStatistic(pair)} (95 % CI ${formatInterval(pair)}) on ${countOf(pair.sharedItems, "item")}`;
}

/** Pairwise Cohen's κ as a heatmap (numbers on hover and in each cell) with every pair in a table below. */
export function KappaMatrixCard({ field, nameOf, minSharedItems }: { field: FieldAgreementData; nameOf: (id: string) => string; minSharedItems: number }) {
  const pairOf = new Map(field.cohen.flatMap((pair) => [[`${pair.first}|${pair.second}`, pair] as const, [`${pair.second}|${pair.first}`, pair] as const]));
  const sharedTotal = new Map<string, number>();
  for (const pair of field.cohen) for (const id of [pair.first, pair.second]) sharedTotal.set(id, (sharedTotal.get(id) ?? 0) + pair.sharedItems);
  const people = [...sharedTotal.keys()].sort((first, second) => sharedTotal.get(second)! - sharedTotal.get(first)! || nameOf(first).localeCompare(nameOf(second))).slice(0, MATRIX_LIMIT);
  return (
    <Card>
      <CardHeader
        title="Pairwise Cohen's κ"
        description={`Each pair of annotators over the items both answered. Pairs with fewer than ${minSharedItems} items in common are grey: too few for a κ worth reading.`}
      />
      {field.cohen.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No two annotators share an item yet">
            κ compares two people on the same items. With overlap of 2 or more, items collect answers from several annotators as they review.
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="overflow-x-auto px-5 py-4">
            <table aria-label="Cohen's κ matrix" className="border-separate border-spacing-0.5 text-xs">
              <thead>
                <tr>
                  <th scope="col" className="sr-only">
                    Annotator
                  </th>
                  {people.map((id) => (
                    <th key={id} scope="col" className="h-24 w-12 align-bottom font-medium text-zinc-600">
                      <span className="inline-block max-w-24 origin-bottom-left translate-x-5 -rotate-45 truncate whitespace-nowrap">{nameOf(id)}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {people.map((row) => (
                  <tr key={row}>
                    <th scope="row" className="max-w-40 truncate pr-2 text-right font-medium whitespace-nowrap text-zinc-600">
                      {nameOf(row)}
                    </th>
                    {people.map((column) => {
                      const pair = row === column ? undefined : pairOf.get(`${row}|${column}`);
                      if (!pair) return <td key={column} className="size-12 rounded bg-zinc-50" aria-label={row === column ? "same annotator" : "no items in common"} />;
                      const label = describePair(pair, nameOf(row), nameOf(column));
                      return (
                        <td
                          key={column}
                          title={label}
                          aria-label={label}
                          className="size-12 rounded text-center tabular-nums"
                          style={{ backgroundColor: colorForKappa(pair.value), color: KAPPA_TEXT_COLOR }}
                        >
                          {pair.value === null ? "·" : pair.value.toFixed(2)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            {sharedTotal.size > MATRIX_LIMIT && (
              <p className="mt-2 text-xs text-zinc-500">
                The {MATRIX_LIMIT} annotators with the most shared items are drawn; the table has all {sharedTotal.size}.
              </p>
            )}
          </div>
          <ShowNumbers label="Numbers behind the κ matrix">
              <Table aria-label="Cohen's κ per annotator pair">
                <thead>
                  <tr>
                    <Th>Annotator</Th>
                    <Th>Annotator</Th>
                    <Th className="text-right">Items in common</Th>
                    <Th className="text-right">
                      <Greek letter="κ" />
                    </Th>
                    <Th className="text-right">95 % interval</Th>
                  </tr>
                </thead>
                <tbody>
                  {[...field.cohen].sort((first, second) => nameOf(first.first).localeCompare(nameOf(second.first)) || nameOf(first.second).localeCompare(nameOf(second.second))).map((pair) => (
                    <tr key={`${pair.first}|${pair.second}`}>
                      <Td>{nameOf(pair.first)}</Td>
                      <Td>{nameOf(pair.second)}</Td>
                      <Td className="text-right tabular-nums">{pair.sharedItems.toLocaleString("en")}</Td>
                      <Td className="text-right tabular-nums">{pair.value === null ? "too few items" : formatStatistic(pair)}</Td>
                      <Td className="text-right tabular-nums">{formatInterval(pair) || "—"}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
          </ShowNumbers>
        </>
      )}
    </Card>
  );
}
