import { describe, expect, it } from "vitest";
import { formKeyAction } from "./form-keys";

const press = (key: string, targetTag: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; isComposing: boolean }> = {}) =>
  formKeyAction({ key, targetTag, ctrlKey: false, metaKey: false, isComposing: false, ...extra });

describe("formKeyAction", () => {
  it("keeps a plain Enter in a one-line box from submitting the form", () => {
    expect(press("Enter", "INPUT")).toBe("swallow");
  });

  it("leaves Enter to textareas, buttons and selects", () => {
    expect(press("Enter", "TEXTAREA")).toBe("default");
    expect(press("Enter", "BUTTON")).toBe("default");
    expect(press("Enter", "SELECT")).toBe("default");
  });

  it("submits on Ctrl+Enter or Cmd+Enter from anywhere in the form", () => {
    expect(press("Enter", "INPUT", { ctrlKey: true })).toBe("submit");
    expect(press("Enter", "TEXTAREA", { metaKey: true })).toBe("submit");
  });

  it("leaves an input method's confirming Enter and other keys alone", () => {
    expect(press("Enter", "INPUT", { isComposing: true })).toBe("default");
    expect(press("a", "INPUT", { ctrlKey: true })).toBe("default");
  });
});
