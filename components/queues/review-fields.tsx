import type { ReactNode } from "react";
import { TextField } from "@/components/ui/field";

type ReviewFieldsProps = {
  overlap: string;
  leaseSeconds: string;
  errors: Record<string, string | undefined>;
  onChange: (patch: { overlap?: string; leaseSeconds?: string }) => void;
  /** Said under the overlap instead of its usual hint (the edit form says what a change does to open items). */
  overlapHint?: ReactNode;
};

/** k and the lease, as typed: how many people see each item, and how long a claim stays theirs. */
export function ReviewFields({ overlap, leaseSeconds, errors, onChange, overlapHint }: ReviewFieldsProps) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label="Overlap (reviewers per item)"
        type="number"
        min={1}
        max={5}
        value={overlap}
        error={errors.overlap}
        hint={overlapHint ?? "1–5: the minimum k. With 2 or more, disagreement is caught."}
        onChange={(event) => onChange({ overlap: event.target.value })}
      />
      <TextField
        label="Lease seconds"
        type="number"
        min={30}
        max={86_400}
        value={leaseSeconds}
        error={errors.leaseSeconds}
        hint="How long a claimed item stays reserved without activity."
        onChange={(event) => onChange({ leaseSeconds: event.target.value })}
      />
    </div>
  );
}
