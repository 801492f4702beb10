import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

export const apiKeyScopes = ["ingest", "datasets:read", "admin"] as const;
export const apiKeyScopeSchema = z.enum(apiKeyScopes);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

export const apiKeyScopeDescriptions: Record<ApiKeyScope, string> = {
  ingest: "Send outputs, signals and traces.",
  "datasets:read": "Pull dataset releases.",
  admin: "Everything, including project administration over the API.",
};

export const createApiKeySchema = z.object({
  name: safeText(80, { trim: true }).min(1, "name the key after what uses it"),
  scopes: z
    .array(apiKeyScopeSchema)
    .min(1, "pick at least one scope")
    .transform((scopes) => [...new Set(scopes)]),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ apiKeyId: z.uuid("pick an API key of this project") });

/** Keys look like `gl_<8-char prefix>_<secret>`; the prefix identifies the key in lists and logs. */
export const API_KEY_PATTERN = /^gl_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
