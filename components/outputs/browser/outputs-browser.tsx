"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/form-errors";
import { Kbd } from "@/components/ui/kbd";
import { countOf } from "@/components/ui/plural";
import { AddToQueueBar } from "./add-to-queue-bar";
import { OutputsEmptyState } from "./outputs-empty-state";
import { OutputsFilters } from "./outputs-filters";
import { areDatesReversed, readOutputsSearchForm, toOutputsQuery, writeOutputsSearch, type OutputsSearchForm } from "./outputs-search";
import { OutputsTable } from "./outputs-table";
import { useOutputsPage } from "./use-outputs";

type OutputsBrowserProps = { projectId: string; slug: string; publicUrl: string; canQueue: boolean };

/** Lists and searches the project's outputs, a page at a time, with the filters in the URL. */
export function OutputsBrowser({ projectId, slug, publicUrl, canQueue }: OutputsBrowserProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const form = useMemo(() => readOutputsSearchForm(searchParams), [searchParams]);
  const after = searchParams.get("after");
  const { input, ignored } = useMemo(() => toOutputsQuery(form, after), [form, after]);
  const page = useOutputsPage(projectId, input);
  const [selection, setSelection] = useState<{ query: string; ids: Set<number> }>({ query: "", ids: new Set() });
  const query = searchParams.toString();
  // A new page or search starts with nothing selected.
  const selected = selection.query === query ? selection.ids : new Set<number>();

  const go = (next: OutputsSearchForm, cursor?: string) => router.push(`${pathname}${writeOutputsSearch(next, cursor)}`);
  const nextCursor = page.data?.nextCursor ?? null;
  useShortcuts(nextCursor ? [{ keys: ["n"], label: "Next page of outputs", run: () => go(form, nextCursor) }] : []);

  const outputs = page.data?.outputs ?? [];
  const isFiltered = Object.keys(input).some((key) => key !== "cursor");
  const toggle = (id: number) => {
    const ids = new Set(selected);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    setSelection({ query, ids });
  };
  const toggleAll = () => setSelection({ query, ids: outputs.every((output) => selected.has(output.id)) ? new Set() : new Set(outputs.map((output) => output.id)) });

  if (page.data && outputs.length === 0 && !isFiltered && !after) return <OutputsEmptyState publicUrl={publicUrl} slug={slug} />;
  return (
    <div>
      <OutputsFilters key={query} initial={form} onApply={(next) => go(next)} />
      {ignored.length > 0 && (
        <div className="mb-4">
          <Alert tone="info" title="Some filters in the address were ignored">
            These values are not valid filters: {ignored.join(", ")}. The list shows the other filters.
          </Alert>
        </div>
      )}
      {page.error && <Alert tone="error">{errorMessage(page.error)}</Alert>}
      {page.data && outputs.length === 0 ? (
        <EmptyState title="No outputs match" action={<Button variant="secondary" onClick={() => router.push(pathname)}>Clear filters</Button>}>
          {after
            ? "There are no more outputs past this page."
            : areDatesReversed(input)
              ? "The From date is after the To date, so no day is in between: swap them."
              : "Nothing produced matches all of these filters. Widen the dates, drop a filter, or search for fewer words."}
        </EmptyState>
      ) : (
        <Card className={cn(page.isPlaceholderData && "opacity-60")} aria-busy={page.isFetching}>
          {canQueue && <AddToQueueBar projectId={projectId} selected={[...selected]} onAdded={() => setSelection({ query, ids: new Set() })} />}
          <OutputsTable
            outputs={outputs}
            detailHref={(id) => `/p/${slug}/outputs/${id}`}
            selection={canQueue ? { selected, onToggle: toggle, onToggleAll: toggleAll } : null}
          />
          <div className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-100 px-5 py-3 text-sm text-zinc-500">
            <span className="tabular-nums">{page.isPending ? "Loading outputs…" : `${countOf(outputs.length, "output")} on this page, newest first`}</span>
            <div className="flex gap-2">
              {after && (
                <Button variant="ghost" size="sm" onClick={() => go(form)}>
                  Back to newest
                </Button>
              )}
              {nextCursor && (
                <Button variant="secondary" size="sm" onClick={() => go(form, nextCursor)}>
                  Next page <Kbd>n</Kbd>
                </Button>
              )}
            </div>
          </div>
        </Card>
      )}
    </div>
  );
}
