/** A valid ingest item of about 1 KB; `index` makes the external_id and the content unique. */
export function buildOutputItem(index: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    external_id: `out-${index}`,
    model: "support-bot-1",
    input: [
      { role: "system", content: "You are the support assistant of Acme Cloud." },
      { role: "user", content: `How do I rotate my API key? (ticket ${index})` },
    ],
    output: `Open Settings → API keys, create a new key, deploy it, then revoke the old one. Reference ${index}. ${"Details follow. ".repeat(40)}`,
    tags: ["support"],
    metadata: { locale: "en", tier: 2 },
    end_user_id: `user-${index % 50}`,
    ...overrides,
  };
}
