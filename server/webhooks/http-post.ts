import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { stripUnstorableText } from "@/server/lib/safe-text";
import type { CheckedAddress } from "./url-guard";

/** What one HTTP attempt came to. A 3xx is a failure: redirects are not followed (they could lead anywhere). */
export type PostOutcome = { statusCode: number | null; latencyMs: number; responseExcerpt: string | null; error: string | null; isSuccess: boolean };

export const REQUEST_TIMEOUT_MS = 10_000;
/** Past this many bytes the response is not read; the excerpt is for people, not for parsing. */
export const RESPONSE_EXCERPT_BYTES = 4_096;

/**
 * POSTs `body` to `url`, connecting only to `address` (checked by the URL guard), so a DNS answer that
 * changes between the check and the connection cannot redirect the request. TLS still verifies the URL's
 * host name. Never throws: every failure is an outcome to record.
 */
export function postWebhook(params: { url: string; address: CheckedAddress; headers: Record<string, string>; body: string; timeoutMs?: number }): Promise<PostOutcome> {
  const started = performance.now();
  const timeoutMs = params.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: params.address.address, family: params.address.family }]);
    else callback(null, params.address.address, params.address.family);
  };
  const client = params.url.startsWith("https:") ? https : http;
  return new Promise<PostOutcome>((resolve) => {
    let isSettled = false;
    const settle = (outcome: Omit<PostOutcome, "latencyMs">) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(deadline);
      resolve({ ...outcome, latencyMs: Math.round(performance.now() - started) });
    };
    const request = client.request(
      params.url,
      {
        method: "POST",
        lookup: pinned,
        // No keep-alive pool: a pooled socket could outlive the address check it was opened under.
        agent: false,
        headers: { "content-type": "application/json", "user-agent": "Goldloop-Webhooks/1", ...params.headers, "content-length": Buffer.byteLength(params.body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          const statusCode = response.statusCode ?? 0;
          const excerpt = stripUnstorableText(Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8"));
          const isSuccess = statusCode >= 200 && statusCode < 300;
          const error = isSuccess ? null : statusCode >= 300 && statusCode < 400 ? `redirect (${statusCode}) not followed` : `HTTP ${statusCode}`;
          settle({ statusCode, responseExcerpt: excerpt, error, isSuccess });
          request.destroy();
        };
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_EXCERPT_BYTES) finish();
        });
        response.on("end", finish);
        response.on("error", finish);
      },
    );
    // One deadline for connecting, sending and reading, unlike the socket timeout, which resets on every byte.
    const deadline = setTimeout(() => {
      settle({ statusCode: null, responseExcerpt: null, error: `timed out after ${timeoutMs / 1000} s`, isSuccess: false });
      request.destroy();
    }, timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => {
      settle({ statusCode: null, responseExcerpt: null, error: stripUnstorableText(error.code ? `${error.code}: ${error.message}` : error.message), isSuccess: false });
    });
    request.end(params.body);
  });
}
