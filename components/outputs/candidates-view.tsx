"use client";

import { z } from "zod";
import { cn } from "@/components/ui/cn";
import { candidateSchema } from "@/server/ingest/schema";
import { inScreenOrder, useIsSwapped } from "./candidate-sides";

const candidatesSchema = z.array(candidateSchema.loose());

/** A, B, C…: the letters reviewers and the pairwise keys call candidates by. */
export const candidateLetter = (index: number) => String.fromCharCode(65 + index);

/** The stored candidates of an output, or null when it has one output (or they are unreadable). */
export function readCandidates(value: unknown): z.infer<typeof candidatesSchema> | null {
  const parsed = candidatesSchema.safeParse(value);
  return parsed.success && parsed.data.length >= 2 ? parsed.data : null;
}

type CandidatesViewProps = {
  candidates: z.infer<typeof candidatesSchema>;
  /** Renders one candidate's output (text or chat messages) the way the rest of the page does. */
  renderOutput: (output: unknown) => React.ReactNode;
};

/**
 * Two or more outputs for one input, side by side: A and B, which a pairwise field compares, first and at
 * equal width so neither reads as the default (and on half the items B on the left, see candidate-sides);
 * any others below them, for context.
 */
export function CandidatesView({ candidates, renderOutput }: CandidatesViewProps) {
  const [first, second, ...others] = candidates;
  const compared = inScreenOrder([{ candidate: first!, letter: candidateLetter(0) }, { candidate: second!, letter: candidateLetter(1) }], useIsSwapped());
  return (
    <section aria-label="Candidates" className="space-y-3">
      <h3 className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Candidates</h3>
      <div className="grid gap-3 md:grid-cols-2">
        {compared.map(({ candidate, letter }) => (
          <CandidateCard key={letter} letter={letter} model={candidate.model} isCompared>
            {renderOutput(candidate.output)}
          </CandidateCard>
        ))}
      </div>
      {others.length > 0 && (
        <div className="space-y-3">
          <p className="text-xs text-zinc-500">The comparison is A against B; the other candidates are here for context.</p>
          {others.map((candidate, index) => (
            <CandidateCard key={index} letter={candidateLetter(index + 2)} model={candidate.model} isCompared={false}>
              {renderOutput(candidate.output)}
            </CandidateCard>
          ))}
        </div>
      )}
    </section>
  );
}

function CandidateCard({ letter, model, isCompared, children }: { letter: string; model?: string; isCompared: boolean; children: React.ReactNode }) {
  return (
    <section aria-label={`Candidate ${letter}`} className={cn("rounded-lg bg-white p-4 ring-1", isCompared ? "ring-gold-200" : "ring-zinc-200")}>
      <header className="mb-2 flex items-baseline justify-between gap-2">
        <span className="flex items-center gap-2">
          <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 font-mono text-xs font-semibold text-zinc-700">{letter}</kbd>
          <span className="text-sm font-medium text-zinc-900">Candidate {letter}</span>
        </span>
        {model && <span className="truncate font-mono text-xs text-zinc-500">{model}</span>}
      </header>
      {children}
    </section>
  );
}
