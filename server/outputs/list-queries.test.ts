import { describe, expect, it } from "vitest";
import { metadataAlternatives } from "./list-queries";

describe("metadata filters", () => {
  it("match the text, and the number, boolean or null it spells", () => {
    expect(metadataAlternatives("channel=web")).toEqual(['{"channel":"web"}']);
    expect(metadataAlternatives("attempt=2")).toEqual(['{"attempt":"2"}', '{"attempt":2}']);
    expect(metadataAlternatives("flag=true")).toEqual(['{"flag":"true"}', '{"flag":true}']);
    expect(metadataAlternatives("x=a=b")).toEqual(['{"x":"a=b"}']);
    expect(metadataAlternatives("big=1e999")).toEqual(['{"big":"1e999"}']);
  });

  it("keep a key named __proto__ as a key, so the filter never matches everything", () => {
    expect(metadataAlternatives("__proto__=x")).toEqual(['{"__proto__":"x"}']);
  });
});
