"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";

/** How a training pipeline pulls the dataset: a command to copy, and what it needs. */
export function PullCommand({ publicUrl, pullPath, apiKeysHref }: { publicUrl: string; pullPath: string; apiKeysHref: string | null }) {
  const command = `curl -H "Authorization: Bearer $GOLDLOOP_KEY" ${publicUrl}${pullPath}`;
  const [isCopied, setIsCopied] = useState(false);
  return (
    <Card>
      <CardHeader title="Pull it" description="The latest release as JSONL: one row a line, with its split and lineage. Add format (openai, dpo, csv, parquet), split or since to the query for the other shapes; the README lists them." />
      <div className="space-y-3 px-5 py-4">
        {/* A wrapping read-only box rather than a one-line input: the whole command stays visible. */}
        <textarea
          aria-label="Pull command"
          readOnly
          rows={4}
          value={command}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full resize-none rounded-md bg-zinc-50 px-3 py-2 font-mono text-xs break-all text-zinc-800 ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-gold-500 focus:outline-none"
        />
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            await navigator.clipboard.writeText(command).catch(() => {});
            setIsCopied(true);
          }}
        >
          {isCopied ? "Copied" : "Copy command"}
        </Button>
        <ul className="list-disc space-y-1 pl-5 text-xs text-zinc-500">
          <li>
            <code className="font-mono">$GOLDLOOP_KEY</code> is an API key with the <code className="font-mono">datasets:read</code> scope
            {apiKeysHref ? (
              <>
                {" "}
                (create one under{" "}
                <Link href={apiKeysHref} className="font-medium text-zinc-700 underline">
                  API keys
                </Link>
                ).
              </>
            ) : (
              "; a project admin can create one."
            )}
          </li>
          <li>
            Replace <code className="font-mono">latest</code> with a release number to pin a release.
          </li>
          <li>
            Send the response&apos;s ETag back as <code className="font-mono">If-None-Match</code> to skip downloading a release you already have.
          </li>
        </ul>
      </div>
    </Card>
  );
}
