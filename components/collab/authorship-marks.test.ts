import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { listWrittenSpans } from "./authorship-marks";

/** A document as another client would see it after `writer` typed into it. */
function syncInto(target: Y.Doc, writer: Y.Doc) {
  Y.applyUpdate(target, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(target)));
}

describe("who wrote which span", () => {
  it("follows each client's insertions, skips deleted text, and stops at the editor's length", () => {
    const ana = new Y.Doc();
    const bea = new Y.Doc();
    ana.getText("content").insert(0, "Refunds take days.");
    syncInto(bea, ana);
    bea.getText("content").insert(13, "5 ");
    bea.getText("content").delete(0, 8);
    syncInto(ana, bea);

    const text = ana.getText("content");
    expect(text.toString()).toBe("take 5 days.");
    expect(listWrittenSpans(text, text.length)).toEqual([
      { from: 0, to: 5, clientId: ana.clientID },
      { from: 5, to: 7, clientId: bea.clientID },
      { from: 7, to: 12, clientId: ana.clientID },
    ]);
    expect(listWrittenSpans(text, 6)).toEqual([
      { from: 0, to: 5, clientId: ana.clientID },
      { from: 5, to: 6, clientId: bea.clientID },
    ]);
  });
});
