import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { writeSyncStep1, writeSyncStep2, writeUpdate } from "y-protocols/sync";
import * as Y from "yjs";
import { isEmptyUpdate, readDocumentUpdate } from "./sync-message";

/** A Hocuspocus message as a provider sends it: document address, message type, then the body. */
function message(type: number, writeBody: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, "project/p/scratch/1");
  encoding.writeVarUint(encoder, type);
  writeBody(encoder);
  return encoding.toUint8Array(encoder);
}

const SYNC = 0;
const AWARENESS = 1;

function editedDocument() {
  const doc = new Y.Doc();
  doc.getText("content").insert(0, "hello");
  return doc;
}

describe("readDocumentUpdate", () => {
  it("returns the update of an update message and of a sync step 2, and nothing for other messages", () => {
    const doc = editedDocument();
    const update = Y.encodeStateAsUpdate(doc);
    expect(readDocumentUpdate(message(SYNC, (encoder) => writeUpdate(encoder, update)))).toEqual(update);
    expect(readDocumentUpdate(message(SYNC, (encoder) => writeSyncStep2(encoder, doc)))).toEqual(update);
    expect(readDocumentUpdate(message(SYNC, (encoder) => writeSyncStep1(encoder, doc)))).toBeNull();
    expect(readDocumentUpdate(message(AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, new Uint8Array([1]))))).toBeNull();
  });
});

describe("isEmptyUpdate", () => {
  it("tells an update that changes nothing from one with an insert or a deletion", () => {
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
    const doc = editedDocument();
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(false);
    const before = Y.encodeStateVector(doc);
    doc.getText("content").delete(0, 1);
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc, before))).toBe(false);
  });

  it("throws for bytes that are not a Yjs update, so they never reach the log", () => {
    expect(() => isEmptyUpdate(new Uint8Array([200, 200, 200, 200]))).toThrow();
  });
});
