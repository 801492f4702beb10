import type { IncomingMessage, ServerResponse } from "node:http";

const pathOf = (url: string | undefined) => (url ?? "/").split("?", 1)[0]!;

/** True when every percent-escape in the path decodes to UTF-8 (`/p/%FF` does not). */
export function isDecodablePath(url: string | undefined): boolean {
  try {
    decodeURIComponent(pathOf(url));
    return true;
  } catch {
    return false;
  }
}

/**
 * Answers 400 to a request whose path has broken percent-encoding, before Next sees it: Next fails to decode
 * its route parameters and answers an unlogged 500. True when it answered.
 */
export function refuseUndecodablePath(request: IncomingMessage, response: ServerResponse): boolean {
  if (isDecodablePath(request.url)) return false;
  const message = "the path is not valid percent-encoded UTF-8";
  if (pathOf(request.url).startsWith("/api/")) {
    response.writeHead(400, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: { code: "bad_request", message, field: "path" } }));
  } else {
    response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    response.end(`Bad request: ${message}.\n`);
  }
  return true;
}
