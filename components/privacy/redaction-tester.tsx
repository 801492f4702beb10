"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/form-errors";
import type { PrivacySettings } from "@/server/privacy/schema";
import { RedactionCounts } from "./redaction-counts";
import { useRedactionTest } from "./use-privacy";

const SAMPLE = "Hi, I'm Jane (jane.doe@example.com, +1 415 555 2671). Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, from 203.0.113.9.";

/** A custom rule the preview leaves out, and why. */
export type LeftOutRule = { label: string; problem: string };

/** Paste text and see it as ingest would store it with the rules in the form, saved or not; rules that cannot run yet are left out and named. */
export function RedactionTester({ projectId, settings, leftOut }: { projectId: string; settings: PrivacySettings; leftOut: readonly LeftOutRule[] }) {
  const [text, setText] = useState("");
  const { result, error, isTesting } = useRedactionTest(projectId, text, settings);
  const inputId = useId();
  return (
    <Card>
      <CardHeader title="Test the rules" description="Paste a prompt or an answer: it is redacted live with the rules on this page, before you save them. Nothing you paste is stored." />
      <div className="grid gap-4 px-5 py-4 lg:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={inputId} className="block text-sm font-medium text-zinc-800">
            Text to test
          </label>
          <textarea
            id={inputId}
            value={text}
            rows={8}
            onChange={(event) => setText(event.target.value)}
            placeholder={SAMPLE}
            className="block w-full rounded-md border-0 px-3 py-2 text-sm shadow-xs ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-gold-500 focus:outline-none"
          />
          <button type="button" className="text-xs font-medium text-zinc-600 underline hover:text-zinc-900" onClick={() => setText(SAMPLE)}>
            Use the sample text
          </button>
        </div>
        <div className="space-y-2" aria-live="polite" aria-busy={isTesting}>
          <p className="text-sm font-medium text-zinc-800">As stored</p>
          {error ? (
            <Alert tone="error">{errorMessage(error)}</Alert>
          ) : result ? (
            <>
              <pre aria-label="Redacted text" className="min-h-24 rounded-md bg-zinc-50 px-3 py-2 text-sm whitespace-pre-wrap text-zinc-900 ring-1 ring-zinc-200">
                {result.redacted}
              </pre>
              <RedactionCounts counts={result.counts} />
            </>
          ) : (
            <p className="text-sm text-zinc-500">{text.trim() === "" ? "Paste text on the left to see what ingest would store." : "Redacting…"}</p>
          )}
          {leftOut.length > 0 && (
            <div className="text-xs text-amber-800">
              <p className="font-medium">Left out of this preview until fixed:</p>
              <ul aria-label="Rules left out of the preview" className="list-disc pl-5">
                {leftOut.map((rule) => (
                  <li key={rule.label}>
                    {rule.label}: {rule.problem}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>
    </Card>
  );
}
