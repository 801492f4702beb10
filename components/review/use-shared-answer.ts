"use client";

import { useCallback, useEffect, useState } from "react";
import type * as Y from "yjs";
import { SHARED_ANSWER_FIELD } from "@/server/collab/schema";
import type { LabelValues } from "@/server/labels/answer-values";

const isSameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The shared answer of a collaborative item, live: every annotator's choice lands in one Y.Map, so each
 * sees the others' changes as they happen. Only the keys that changed are written, so two people answering
 * different fields at once both keep their answer.
 */
export function useSharedAnswer(doc: Y.Doc | null): [LabelValues, (next: LabelValues) => void] {
  const [values, setValues] = useState<LabelValues>({});
  useEffect(() => {
    if (!doc) return;
    const answer = doc.getMap(SHARED_ANSWER_FIELD);
    // Whatever anyone wrote; the server checks it against the queue's fields when someone approves it.
    const read = () => setValues(answer.toJSON() as LabelValues);
    read();
    answer.observe(read);
    return () => answer.unobserve(read);
  }, [doc]);
  const write = useCallback(
    (next: LabelValues) => {
      if (!doc) return;
      const answer = doc.getMap(SHARED_ANSWER_FIELD);
      doc.transact(() => {
        for (const key of [...answer.keys()]) if (!(key in next)) answer.delete(key);
        for (const [key, value] of Object.entries(next)) if (!isSameValue(answer.get(key), value)) answer.set(key, value);
      });
    },
    [doc],
  );
  return [values, write];
}
