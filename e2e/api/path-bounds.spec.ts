import { seedProjectTeam } from "../../db/seed/factories";
import { seedRelease } from "../../db/seed/loop";
import { createApiKey } from "../../server/api-keys/service";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

// Path parameters come from anyone's address bar: out of range or malformed, they name nothing (404), and a
// path that is not even valid percent-encoding is a bad request (400). None of them is ever a 500.
test("odd path parameters are 404s, undecodable paths 400s, on pages and the API", async ({ page, request }) => {
  const db = openE2eDatabase();
  const team = await seedProjectTeam(db);
  const release = await seedRelease(db, { projectId: team.project.id, name: "Bounds", number: 1 });
  const { secret } = await createApiKey(db, { projectId: team.project.id, userId: null }, { name: "reader", scopes: ["datasets:read"] });
  await db.destroy();
  const dataset = `bounds-${release.number}`;
  const slug = team.project.slug;

  await signIn(page, team.members.admin.email);
  for (const path of [
    `/p/${slug}/conflicts/abc`,
    `/p/${slug}/conflicts/2147483648`,
    `/p/${slug}/conflicts/99999999999999999999`,
    `/p/${slug}/items/-1`,
    `/p/${slug}/items/1e400`,
    `/p/${slug}/queues/not-a-queue`,
    `/p/${slug}/queues/00000000-0000-4000-8000-000000000000`,
    `/p/${slug}/queues/%00/review`,
    `/p/${slug}/datasets/${"x".repeat(300)}`,
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  for (const path of [`/invite/${"x".repeat(500)}`, "/invite/%00"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByText("This invite link is not valid")).toBeVisible();
  }

  const headers = { authorization: `Bearer ${secret}` };
  expect((await request.get(`/api/v1/datasets/${dataset}/releases/1`, { headers })).status()).toBe(200);
  for (const release of ["2147483648", "99999999999999999999"]) {
    const response = await request.get(`/api/v1/datasets/${dataset}/releases/${release}`, { headers });
    expect(response.status(), release).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found", field: "release" } });
  }
  // %ED%A0%80 would be a lone surrogate, which UTF-8 does not allow.
  for (const path of ["/api/v1/datasets/%FF/releases/1", "/api/trpc/projects.list%FF", "/p/%FF", `/p/${slug}/conflicts/%E2%82`, "/invite/%ED%A0%80"]) {
    const response = await request.get(path, { headers });
    expect(response.status(), path).toBe(400);
  }
});
