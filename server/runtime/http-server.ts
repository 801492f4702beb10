import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { CollabServer } from "@/server/collab/server";
import { COLLAB_PATH } from "@/server/collab/schema";
import { checkHealth, healthResponseInit } from "@/server/health/service";
import { buildSecurityHeaders, createCspNonce } from "@/server/lib/security-headers";
import type { NextApp } from "./next-app";
import { refuseUndecodablePath } from "./request-path";

function pathnameOf(url: string | undefined): string {
  return new URL(url ?? "/", "http://localhost").pathname;
}

/**
 * Puts the security headers on a response before anything else writes it. Next.js reads the nonce for its
 * scripts from the request's Content-Security-Policy header, so the request gets the same policy (replacing
 * any the client sent).
 */
function applySecurityHeaders(request: IncomingMessage, response: ServerResponse, isDev: boolean): void {
  const headers = buildSecurityHeaders({ nonce: createCspNonce(), isDev });
  request.headers["content-security-policy"] = headers["Content-Security-Policy"];
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
}

/**
 * One HTTP server for every role: Next pages and APIs, the /collab WebSocket, and a health route that
 * still answers when this process runs without the web role.
 */
export function createHttpServer(parts: { web: NextApp | null; collab: CollabServer | null; isDev: boolean }): Server {
  const server = createServer((request, response) => {
    applySecurityHeaders(request, response, parts.isDev);
    if (refuseUndecodablePath(request, response)) return;
    if (parts.web) {
      void parts.web.handleRequest(request, response);
      return;
    }
    if (pathnameOf(request.url) === "/api/v1/health") {
      void checkHealth().then((health) => {
        const { status, headers } = healthResponseInit(health);
        response.writeHead(status, { ...headers, "content-type": "application/json" });
        response.end(JSON.stringify(health));
      });
      return;
    }
    response.writeHead(404, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: { code: "not_found", message: "this process does not serve the web role" } }));
  });

  server.on("upgrade", (request, socket, head) => {
    const pathname = pathnameOf(request.url);
    if (pathname === COLLAB_PATH || pathname.startsWith(`${COLLAB_PATH}/`)) {
      if (parts.collab) parts.collab.handleUpgrade(request, socket, head);
      else socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    if (parts.web) parts.web.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  return server;
}
