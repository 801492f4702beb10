import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findChromium, NO_CHROMIUM_FOUND } from "./chromium";

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "goldloop-chromium-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Puts a file at root/<relative>, executable unless told otherwise; returns its path. */
function placeFile(relative: string, options: { isExecutable?: boolean } = {}): string {
  const path = join(root, relative);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, "#!/bin/sh\n");
  chmodSync(path, options.isExecutable === false ? 0o644 : 0o755);
  return path;
}

const searchPathOf = (...folders: string[]) => folders.map((folder) => join(root, folder)).join(delimiter);
const missingPlaywright = () => join(root, "ms-playwright", "chrome");

describe("findChromium", () => {
  it("prefers CHROMIUM_PATH when it is an executable file", () => {
    const explicit = placeFile("custom/chrome");
    placeFile("bin/chromium");
    expect(findChromium({ chromiumPath: explicit, searchPath: searchPathOf("bin"), playwrightBrowser: missingPlaywright() })).toEqual({
      isFound: true,
      executablePath: explicit,
    });
  });

  it("names a CHROMIUM_PATH that does not exist instead of looking elsewhere", () => {
    placeFile("bin/chromium");
    const choice = findChromium({ chromiumPath: join(root, "nowhere"), searchPath: searchPathOf("bin"), playwrightBrowser: missingPlaywright() });
    expect(choice).toEqual({ isFound: false, problem: expect.stringContaining(join(root, "nowhere")) });
  });

  it("finds a system browser on PATH by each of its names, chromium first", () => {
    for (const name of ["google-chrome-stable", "google-chrome", "chromium-browser", "chromium"]) {
      const path = placeFile(`${name === "chromium" ? "late" : "early"}/${name}`);
      expect(findChromium({ chromiumPath: undefined, searchPath: searchPathOf("empty", "early", "late"), playwrightBrowser: missingPlaywright() })).toEqual({
        isFound: true,
        executablePath: path,
      });
    }
  });

  it("skips files on PATH that cannot be run, and folders with the browser's name", () => {
    placeFile("bin/chromium", { isExecutable: false });
    mkdirSync(join(root, "other", "chromium"), { recursive: true });
    const chrome = placeFile("other/google-chrome");
    expect(findChromium({ chromiumPath: "", searchPath: searchPathOf("bin", "other"), playwrightBrowser: missingPlaywright() })).toEqual({
      isFound: true,
      executablePath: chrome,
    });
  });

  it("falls back to Playwright's own download", () => {
    const downloaded = placeFile("ms-playwright/chrome");
    expect(findChromium({ chromiumPath: undefined, searchPath: searchPathOf("bin"), playwrightBrowser: downloaded })).toEqual({
      isFound: true,
      executablePath: downloaded,
    });
  });

  it("says in one line how to get a browser when there is none", () => {
    const choice = findChromium({ chromiumPath: undefined, searchPath: undefined, playwrightBrowser: missingPlaywright() });
    expect(choice).toEqual({ isFound: false, problem: NO_CHROMIUM_FOUND });
    expect(NO_CHROMIUM_FOUND).not.toContain("\n");
    expect(NO_CHROMIUM_FOUND).toMatch(/playwright install chromium/);
  });
});
