import type { ReactNode } from "react";
import type { CorrectedOutputField } from "@/server/labels/field-types";

/** What a page puts in the corrected output's place: LabelFields adds the field's hint and rule around it. */
export type CorrectionSlot = {
  /** The collaborative editor, titled with the field's title. */
  editor: ReactNode;
  /** How to reach and leave the editor from the keyboard, and what leaving it unchanged means here. */
  keyHint: ReactNode;
  /** A collaborative queue's one shared correction: there are no separate corrections to agree or differ. */
  isShared?: boolean;
};

type CorrectionFieldProps = CorrectionSlot & { field: CorrectedOutputField };

/** The corrected output among the label's fields: its editor, the lead's hint, and what "optional" means for it. */
export function CorrectionField({ field, editor, keyHint, isShared = false }: CorrectionFieldProps) {
  return (
    <div className="space-y-1">
      {field.hint && <p className="text-xs text-zinc-500">{field.hint}</p>}
      {editor}
      <p className="text-xs text-zinc-500">
        {keyHint}
        {!field.required && !isShared && " Optional: if the reviewers' corrections differ, the gold is made without one."}
      </p>
    </div>
  );
}
