import { describe, expect, it } from "vitest";
import { errorMessage, fieldError, formError } from "./form-errors";

describe("form errors", () => {
  const zodDump = '[\n  {\n    "origin": "number",\n    "code": "too_big",\n    "maximum": 1,\n    "path": ["minConfidence"],\n    "message": "use a number from 0 to 1"\n  }\n]';
  const zodError = { message: zodDump, data: { zodError: { formErrors: [], fieldErrors: { minConfidence: ["use a number from 0 to 1"] } }, field: null } };
  const domainError = { message: "an account with this email already exists", data: { zodError: null, field: "email" } };
  const generalError = { message: "this setup link has expired", data: { zodError: null, field: null } };

  it("puts validation and domain messages next to their field", () => {
    expect(fieldError(zodError, "minConfidence")).toBe("use a number from 0 to 1");
    expect(fieldError(domainError, "email")).toBe("an account with this email already exists");
    expect(fieldError(domainError, "name")).toBeUndefined();
  });

  it("leaves out the field name an API message starts with, as the page shows the field itself", () => {
    const named = { message: "goldItemRate: a collaborative queue serves no gold checks", data: { zodError: null, field: "goldItemRate" } };
    expect(fieldError(named, "goldItemRate")).toBe("a collaborative queue serves no gold checks");
    expect(errorMessage(named)).toBe("a collaborative queue serves no gold checks");
  });

  it("shows a form-level message only when no field of the form is to blame", () => {
    expect(formError(zodError, ["minConfidence"])).toBeUndefined();
    expect(formError(generalError, ["email"])).toBe("this setup link has expired");
    expect(formError(undefined, ["email"])).toBeUndefined();
  });

  it("never shows zod's JSON dump: a validation error on no form field shows its worded issue", () => {
    expect(formError(zodError, ["name"])).toBe("use a number from 0 to 1");
    expect(errorMessage(zodError)).toBe("use a number from 0 to 1");
    expect(errorMessage({ message: zodDump, data: { zodError: { formErrors: ["say why you skip"], fieldErrors: {} } } })).toBe("say why you skip");
    expect(errorMessage({ message: zodDump, data: { zodError: { formErrors: [], fieldErrors: {} } } })).toBe("check the highlighted fields");
    expect(errorMessage(generalError)).toBe("this setup link has expired");
  });

  it("says the server could not be reached instead of the browser's fetch error", () => {
    expect(errorMessage({ message: "Failed to fetch" })).toBe("Goldloop could not be reached. Check your connection and try again.");
  });
});
