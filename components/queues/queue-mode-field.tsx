import { SelectField } from "@/components/ui/field";
import type { QueueMode } from "@/server/queues/schema";

const modeHints: Record<QueueMode, string> = {
  blind: "Each reviewer answers alone and never sees the others' answers; the consensus policy turns the k answers into gold or a conflict.",
  collaborative:
    "The k reviewers of an item edit one shared answer and one shared correction live, seeing each other and who wrote what; the item is gold when all k approve the same version. No decoys, gold checks or adaptive overlap.",
};

/** Blind or collaborative review, with what each means for the people reviewing. */
export function QueueModeField({ value, error, onChange }: { value: QueueMode; error?: string; onChange: (mode: QueueMode) => void }) {
  return (
    <SelectField label="Mode" value={value} error={error} hint={modeHints[value]} onChange={(event) => onChange(event.target.value as QueueMode)}>
      <option value="blind">Blind: each answers alone</option>
      <option value="collaborative">Collaborative: one shared answer</option>
    </SelectField>
  );
}
