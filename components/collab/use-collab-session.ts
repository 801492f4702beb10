"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { useTRPCClient } from "@/components/trpc/provider";
import { buildCollabDocumentName, COLLAB_PATH, COLLAB_TEXT_FIELD } from "@/server/collab/schema";
import { buildPresenceUser, type PresenceUser } from "./presence";

export type CollabMode = "edit" | "watch";

/** A connected document, handed out once its first sync finished, so editors never show a half-loaded text. */
export type CollabSession = { doc: Y.Doc; text: Y.Text; provider: HocuspocusProvider };

export type CollabStatus = {
  connection: "connecting" | "connected" | "disconnected";
  /** Edits sent but not yet acknowledged by the server. */
  unsyncedChanges: number;
  /** Why the server refused us (no right to the document, session ended); the editor stops there. */
  error: string | null;
  /** The server granted watching only, whatever was asked for. */
  isReadOnly: boolean;
};

export type CollabPeer = { clientId: number; user: PresenceUser };

/** An open document: the session once synced, its connection state, and who else has it open. */
export type CollabConnection = { session: CollabSession | null; status: CollabStatus; peers: CollabPeer[] };

type Options = { projectId: string; documentKey: string; mode: CollabMode; userName: string };

const initialStatus: CollabStatus = { connection: "connecting", unsyncedChanges: 0, error: null, isReadOnly: false };

function readPeers(provider: HocuspocusProvider): CollabPeer[] {
  const awareness = provider.awareness;
  if (!awareness) return [];
  const peers: CollabPeer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: PresenceUser }).user;
    if (clientId !== awareness.clientID && user?.name) peers.push({ clientId, user });
  });
  return peers;
}

function describeTokenError(error: unknown): string {
  return error instanceof Error ? error.message : "the server refused access to this document";
}

/**
 * Opens a Yjs document over Hocuspocus at /collab. Every (re)connect asks tRPC for a fresh short-lived
 * token, so a reconnect after the token expired still gets in, and a revoked right stops at the next one.
 * The server seeds new documents, so the client never inserts initial text (two tabs would both insert).
 */
export function useCollabSession({ projectId, documentKey, mode, userName }: Options): CollabConnection {
  const trpcClient = useTRPCClient();
  const [session, setSession] = useState<CollabSession | null>(null);
  const [status, setStatus] = useState<CollabStatus>(initialStatus);
  const [peers, setPeers] = useState<CollabPeer[]>([]);

  useEffect(() => {
    let isActive = true;
    let tokenError: string | null = null;
    const doc = new Y.Doc();
    const text = doc.getText(COLLAB_TEXT_FIELD);
    const protocol = window.location.protocol === "https:" ? "wss" : "ws";
    const update = (change: Partial<CollabStatus>) => isActive && setStatus((current) => ({ ...current, ...change }));
    const provider = new HocuspocusProvider({
      url: `${protocol}://${window.location.host}${COLLAB_PATH}`,
      name: buildCollabDocumentName(projectId, documentKey),
      document: doc,
      token: async () => {
        try {
          const { token, isReadOnly } = await trpcClient.collab.mintToken.mutate({ projectId, documentKey, mode });
          tokenError = null;
          update({ isReadOnly });
          return token;
        } catch (error) {
          tokenError = describeTokenError(error);
          throw error;
        }
      },
      onStatus: ({ status: connection }) => update({ connection }),
      onUnsyncedChanges: ({ number }) => update({ unsyncedChanges: number }),
      onAuthenticated: () => update({ error: null }),
      onAuthenticationFailed: ({ reason }) => update({ error: tokenError ?? reason }),
      onSynced: ({ state }) => {
        if (state && isActive) setSession((current) => current ?? { doc, text, provider });
      },
    });
    provider.awareness?.setLocalStateField("user", buildPresenceUser(userName));
    const onAwarenessChange = () => isActive && setPeers(readPeers(provider));
    provider.awareness?.on("change", onAwarenessChange);
    return () => {
      isActive = false;
      provider.awareness?.off("change", onAwarenessChange);
      provider.destroy();
      doc.destroy();
      setSession(null);
      setStatus(initialStatus);
      setPeers([]);
    };
  }, [trpcClient, projectId, documentKey, mode, userName]);

  return { session, status, peers };
}
