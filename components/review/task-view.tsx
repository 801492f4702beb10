"use client";

import type { Ref } from "react";
import { ConversationView } from "@/components/outputs/conversation-view";
import { Markdown } from "@/components/outputs/markdown";
import { OutputMeta } from "@/components/outputs/output-meta";
import { SignalsList } from "@/components/outputs/signals-list";
import { Card } from "@/components/ui/card";
import { FoldableCard } from "@/components/ui/foldable-card";
import type { ReviewTask } from "./use-review-queue";

/** The queue's instructions, folded to one line on demand (I toggles them). */
export function InstructionsPanel({ instructions, isOpen, onToggle }: { instructions: string; isOpen: boolean; onToggle: () => void }) {
  if (!instructions.trim()) return null;
  return (
    <FoldableCard title="Instructions" shortcut="I" isOpen={isOpen} onToggle={onToggle}>
      <Markdown>{instructions}</Markdown>
    </FoldableCard>
  );
}

/**
 * What is being reviewed: the conversation, the model's output, its production signals and descriptive
 * fields. The heading takes focus when a new item appears, so screen readers announce the change.
 */
export function TaskView({ task, headingRef }: { task: ReviewTask; headingRef: Ref<HTMLHeadingElement> }) {
  return (
    <Card className="p-5">
      <h2 ref={headingRef} tabIndex={-1} className="text-base font-semibold text-zinc-900 focus:outline-none">
        Item to review
      </h2>
      <div className="mt-2">
        <OutputMeta output={task.output} />
      </div>
      <div className="mt-5">
        <ConversationView input={task.output.input} output={task.output.output} candidates={task.output.candidates} />
      </div>
      <section aria-label="Production signals" className="mt-5 border-t border-zinc-100 pt-4">
        <h3 className="mb-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">Production signals</h3>
        <SignalsList signals={task.signals} />
      </section>
    </Card>
  );
}
