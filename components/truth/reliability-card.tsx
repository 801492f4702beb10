"use client";

import { Fragment, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ConfusionMatrix } from "./confusion-matrix";
import { formatShare } from "./format";
import type { FieldFit } from "./use-truth";

/**
 * Each annotator's reliability under the fit (P(answer is right) = Σ_t prior_t · confusion[t][t]), most
 * reliable first, with their confusion matrix one click away.
 */
export function ReliabilityCard({ fit }: { fit: FieldFit }) {
  const [openAnnotatorId, setOpenAnnotatorId] = useState<string | null>(null);
  return (
    <Card>
      <CardHeader
        title="Annotator reliability"
        description="P(an answer is right) under the fit: the class priors weighted by each annotator's diagonal. Open a row for the full confusion matrix."
      />
      <Table aria-label={`Annotator reliability for ${fit.fieldKey}`}>
        <thead>
          <tr>
            <Th>Annotator</Th>
            <Th className="text-right">Answers</Th>
            <Th className="w-1/3">Reliability</Th>
            <Th className="text-right">Confusion</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {fit.annotators.map((annotator) => {
            const isOpen = openAnnotatorId === annotator.annotatorId;
            return (
              <Fragment key={annotator.annotatorId}>
                <tr>
                  <Td className="font-medium text-zinc-900">{annotator.name}</Td>
                  <Td className="text-right tabular-nums">{annotator.labelCount.toLocaleString("en")}</Td>
                  <Td>
                    <div className="flex items-center gap-2">
                      <span className="h-2 flex-1 rounded-full bg-zinc-100">
                        <span className="block h-2 rounded-full bg-emerald-500" style={{ width: `${annotator.reliability * 100}%` }} />
                      </span>
                      <span className="w-16 text-right whitespace-nowrap tabular-nums">{formatShare(annotator.reliability)}</span>
                    </div>
                  </Td>
                  <Td className="text-right">
                    <Button size="sm" variant="ghost" aria-expanded={isOpen} onClick={() => setOpenAnnotatorId(isOpen ? null : annotator.annotatorId)}>
                      {isOpen ? "Hide matrix" : "Show matrix"}
                    </Button>
                  </Td>
                </tr>
                {isOpen && (
                  <tr>
                    <td colSpan={4} className="bg-zinc-50 px-5 py-3">
                      <ConfusionMatrix classes={fit.classes} confusion={annotator.confusion} caption={`Confusion matrix of ${annotator.name}`} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
