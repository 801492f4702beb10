import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { yjsStateSchema } from "@/server/items/schema";
import { encodeBase64 } from "./base64";

describe("encodeBase64", () => {
  it("matches Node's encoding for empty, short and multi-chunk inputs", () => {
    for (const length of [0, 1, 2, 3, 0x8000, 0x8000 * 2 + 7]) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 31 + 7) % 256);
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    }
  });

  it("encodes a Yjs update the server can read back", () => {
    const doc = new Y.Doc();
    doc.getText("content").insert(0, "Corrected answer ✓");
    const encoded = encodeBase64(Y.encodeStateAsUpdate(doc));
    expect(yjsStateSchema.safeParse(encoded).success).toBe(true);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Buffer.from(encoded, "base64"));
    expect(copy.getText("content").toString()).toBe("Corrected answer ✓");
  });
});
