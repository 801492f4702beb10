import { ConversationView } from "@/components/outputs/conversation-view";
import { Markdown } from "@/components/outputs/markdown";
import { OutputMeta, type OutputMetaView } from "@/components/outputs/output-meta";
import { SignalsList, type SignalView } from "@/components/outputs/signals-list";
import { Card } from "@/components/ui/card";

type OutputPanelProps = {
  output: OutputMetaView & { input: unknown; output: unknown; candidates?: unknown };
  signals?: SignalView[];
  instructions: string;
};

/** The item under discussion: what the model was asked and said, its production feedback, and the queue's rubric. */
export function OutputPanel({ output, signals, instructions }: OutputPanelProps) {
  return (
    <Card className="space-y-4 px-5 py-4">
      <OutputMeta output={output} />
      {instructions.trim() && (
        <details className="rounded-lg bg-zinc-50 px-3 py-2 text-sm ring-1 ring-zinc-200">
          <summary className="cursor-pointer font-medium text-zinc-700">Queue instructions</summary>
          <Markdown className="mt-2">{instructions}</Markdown>
        </details>
      )}
      <ConversationView input={output.input} output={output.output} outputTitle="Original output" candidates={output.candidates} />
      {signals && (
        <section aria-label="Production signals">
          <h3 className="mb-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">Production signals</h3>
          <SignalsList signals={signals} />
        </section>
      )}
    </Card>
  );
}
