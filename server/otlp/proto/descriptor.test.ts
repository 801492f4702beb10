import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadOtlpProtoFiles } from "./load-proto-files";

describe("otlp-descriptor.json", () => {
  it("is what the vendored .proto files describe (rebuild it with build-descriptor.ts after updating them)", () => {
    const committed: unknown = JSON.parse(readFileSync(new URL("./otlp-descriptor.json", import.meta.url), "utf8"));
    expect(committed).toEqual(loadOtlpProtoFiles().toJSON());
  });
});
