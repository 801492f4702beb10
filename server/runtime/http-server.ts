import { createServer, type Server } from "node:http";
import type { CollabServer } from "@/server/collab/server";
import { COLLAB_PATH } from "@/server/collab/schema";
import { checkHealth, healthResponseInit } from "@/server/health/service";
import type { NextApp } from "./next-app";

function pathnameOf(url: string | undefined): string {
  return new URL(url ?? "/", "http://localhost").pathname;
}

/**
 * One HTTP server for every role: Next pages and APIs, the /collab WebSocket, and a health route that
 * still answers when this process runs without the web role.
 */
export function createHttpServer(parts: { web: NextApp | null; collab: CollabServer | null }): Server {
  const server = createServer((request, response) => {
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
