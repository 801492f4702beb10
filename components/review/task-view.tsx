"use client";

import { useId, type Ref } from "react";
import { ConversationView } from "@/components/outputs/conversation-view";
import { Markdown } from "@/components/outputs/markdown";
import { OutputMeta } from "@/components/outputs/output-meta";
import { SignalsList } from "@/components/outputs/signals-list";
import { Card } from "@/components/ui/card";
import { Kbd } from "@/components/ui/kbd";
import type { ReviewTask } from "./use-review-queue";

/** The queue's instructions, folded to one line on demand (I toggles them). */
export function InstructionsPanel({ instructions, isOpen, onToggle }: { instructions: string; isOpen: boolean; onToggle: () => void }) {
  const id = useId();
  if (!instructions.trim()) return null;
  return (
    <Card>
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={onToggle}
        className="flex w-full items-center justify-between gap-3 rounded-xl px-5 py-3 text-left text-sm font-semibold text-zinc-900 hover:bg-zinc-50"
      >
        <span className="flex items-center gap-2">
          <span aria-hidden className={isOpen ? "rotate-90 transition-transform" : "transition-transform"}>
            ▸
          </span>
          Instructions
        </span>
        <span aria-hidden>
          <Kbd>I</Kbd>
        </span>
      </button>
      <div id={id} hidden={!isOpen} className="border-t border-zinc-100 px-5 py-4">
        <Markdown>{instructions}</Markdown>
      </div>
    </Card>
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
        <ConversationView input={task.output.input} output={task.output.output} />
      </div>
      <section aria-label="Production signals" className="mt-5 border-t border-zinc-100 pt-4">
        <h3 className="mb-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">Production signals</h3>
        <SignalsList signals={task.signals} />
      </section>
    </Card>
  );
}
