import { expect, test } from "../fixtures";

test("the sign-in page settles: it loads once, prefetches nothing that is not a page, and has a favicon", async ({ page, request }) => {
  const requests: string[] = [];
  page.on("request", (sent) => requests.push(new URL(sent.url()).pathname));
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests.filter((path) => path === "/signin")).toHaveLength(1);
  expect(requests.filter((path) => path.startsWith("/api/v1/"))).toEqual([]);
  await expect(page.getByRole("link", { name: "Server status" })).toHaveAttribute("href", "/api/v1/health");

  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\//);
  const icon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect((await request.get(icon!)).status()).toBe(200);
});
