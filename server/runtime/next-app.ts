import { EventEmitter } from "node:events";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

export type NextApp = {
  handleRequest: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  close: () => Promise<void>;
};

/**
 * Prepares Next.js for our own HTTP server. Next attaches an `upgrade` listener to the server it is given
 * and closes sockets on paths it thinks it owns, which would kill /collab. So Next gets a stand-in emitter;
 * our server routes /collab to Hocuspocus and relays every other upgrade (dev HMR) to that emitter.
 */
export async function prepareNextApp(options: { root: string; isDev: boolean; hostname: string; port: number }): Promise<NextApp> {
  const { default: next } = await import("next");
  const upgradeRelay = new EventEmitter();
  const app = next({
    dev: options.isDev,
    dir: options.root,
    hostname: options.hostname,
    port: options.port,
    httpServer: upgradeRelay as unknown as Server,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  return {
    handleRequest: (request, response) => handle(request, response),
    handleUpgrade(request, socket, head) {
      // Next only starts listening for upgrades after its first request; a socket before that has no owner.
      if (upgradeRelay.listenerCount("upgrade") === 0) {
        socket.destroy();
        return;
      }
      upgradeRelay.emit("upgrade", request, socket, head);
    },
    close: () => app.close(),
  };
}
