import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { ClaimRefusal } from "./claim-refusal";

const titles: Record<ClaimRefusal["kind"], string> = { paused: "You are paused on this queue", capped: "That's all for today" };

const explanations: Record<ClaimRefusal["kind"], string> = {
  paused: "Some items in every queue have a known answer, and this queue pauses anyone whose answers on them fall below its threshold. Reread the instructions; a lead will lift the pause after talking it over with you.",
  capped: "This queue limits how many items one person labels per day, so no single reviewer shapes too much of the data. Come back after the reset, or work in another queue.",
};

/** The review page when the server refuses new work, saying why and what happens next. */
export function ClaimRefusedState({ refusal, queuesHref }: { refusal: ClaimRefusal; queuesHref: string }) {
  return (
    <EmptyState
      title={titles[refusal.kind]}
      action={
        <Link href={queuesHref} className="inline-flex h-10 items-center rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700">
          Back to queues
        </Link>
      }
    >
      <p className="font-medium text-zinc-700">{refusal.message}</p>
      <p className="mt-2">{explanations[refusal.kind]}</p>
    </EmptyState>
  );
}
