import { MessageType } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import { messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";
import * as Y from "yjs";

/**
 * The Yjs document update a raw Hocuspocus message carries, or null when it carries none (awareness,
 * auth, a sync step 1, a stateless message). Clients send edits as `update` messages while connected,
 * and as a sync step 2 when they reconnect with edits made offline; both change the document.
 */
export function readDocumentUpdate(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MessageType.Sync && type !== MessageType.SyncReply) return null;
  const step = decoding.readVarUint(decoder);
  if (step !== messageYjsSyncStep2 && step !== messageYjsUpdate) return null;
  return decoding.readVarUint8Array(decoder);
}

/**
 * True for an update that changes nothing (no new items, no deletions): what a client in sync answers.
 * Throws for bytes that are not a Yjs update, so a malformed message never reaches the log, where it
 * would make the document impossible to load.
 */
export function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/** True for the server's acknowledgement of a client's update (SyncStatus), which the client counts as "saved". */
export function isSyncStatusMessage(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  return decoding.readVarUint(decoder) === MessageType.SyncStatus;
}
