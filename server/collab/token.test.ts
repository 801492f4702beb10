import { describe, expect, it } from "vitest";
import { buildCollabDocumentName, parseCollabDocumentName } from "./schema";
import { signCollabToken, verifyCollabToken } from "./token";

const secret = "unit-test-secret-0123456789abcdefghij";
const projectId = "2f1d6a8e-6f0b-4b5e-9a4a-0e6a3c9d7b10";
const documentName = buildCollabDocumentName(projectId, "correction/42");
const claims = { userId: "user-1", projectId, documentName, isReadOnly: true };

describe("collaboration document names", () => {
  it("round-trip and reject names we never issue", () => {
    expect(parseCollabDocumentName(documentName)).toEqual({ projectId, documentKey: "correction/42" });
    expect(parseCollabDocumentName("correction/42")).toBeNull();
    expect(parseCollabDocumentName(`project/${projectId}/../../etc`)).toBeNull();
  });
});

describe("collaboration tokens", () => {
  it("carry who may open which document, and how", async () => {
    await expect(verifyCollabToken(secret, await signCollabToken(secret, claims), documentName)).resolves.toEqual(claims);
  });

  it("fail for another document, another secret, or after expiry", async () => {
    const token = await signCollabToken(secret, claims);
    await expect(verifyCollabToken(secret, token, buildCollabDocumentName(projectId, "correction/43"))).rejects.toThrow(/another document/);
    await expect(verifyCollabToken(`${secret}x`, token, documentName)).rejects.toThrow();
    const old = await signCollabToken(secret, claims, new Date(Date.now() - 5 * 60_000));
    await expect(verifyCollabToken(secret, old, documentName)).rejects.toThrow(/exp/);
  });
});
