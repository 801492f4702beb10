import { HocuspocusProvider } from "@hocuspocus/provider";
import * as Y from "yjs";
import { COLLAB_PATH, COLLAB_TEXT_FIELD } from "./schema";

export type CollabClient = {
  provider: HocuspocusProvider;
  text: Y.Text;
  /** Resolves once the first sync finished; rejects if the server refused the token. */
  ready: Promise<void>;
  /** Resolves when the text equals `expected`, or rejects after `timeoutMs`. */
  waitForText: (expected: string, timeoutMs?: number) => Promise<void>;
  close: () => void;
};

/**
 * A real Hocuspocus provider on a Node WebSocket, as a browser would open it. Used by the collaboration
 * tests and benchmarks, never by the app.
 */
export function connectCollabClient(options: { baseUrl: string; documentName: string; token: string | (() => Promise<string>) }): CollabClient {
  const document = new Y.Doc();
  const text = document.getText(COLLAB_TEXT_FIELD);
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const provider = new HocuspocusProvider({
    url: `${options.baseUrl.replace(/^http/, "ws")}${COLLAB_PATH}`,
    name: options.documentName,
    document,
    token: options.token,
    onSynced: () => settle?.resolve(),
    onAuthenticationFailed: ({ reason }) => settle?.reject(new Error(`authentication failed: ${reason}`)),
  });
  return {
    provider,
    text,
    ready,
    waitForText: (expected, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (text.toString() !== expected) return;
          text.unobserve(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          text.unobserve(check);
          reject(new Error(`text is "${text.toString()}", expected "${expected}"`));
        }, timeoutMs);
        text.observe(check);
        check();
      }),
    close: () => {
      provider.destroy();
      document.destroy();
    },
  };
}
