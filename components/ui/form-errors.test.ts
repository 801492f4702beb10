import { describe, expect, it } from "vitest";
import { fieldError, formError } from "./form-errors";

describe("form errors", () => {
  const zodError = { message: "[...]", data: { zodError: { fieldErrors: { email: ["enter a valid email address"] } }, field: null } };
  const domainError = { message: "an account with this email already exists", data: { zodError: null, field: "email" } };
  const generalError = { message: "this setup link has expired", data: { zodError: null, field: null } };

  it("puts validation and domain messages next to their field", () => {
    expect(fieldError(zodError, "email")).toBe("enter a valid email address");
    expect(fieldError(domainError, "email")).toBe("an account with this email already exists");
    expect(fieldError(domainError, "name")).toBeUndefined();
  });

  it("shows a form-level message only when no field is to blame", () => {
    expect(formError(zodError, ["email"])).toBeUndefined();
    expect(formError(generalError, ["email"])).toBe("this setup link has expired");
    expect(formError(undefined, ["email"])).toBeUndefined();
  });
});
