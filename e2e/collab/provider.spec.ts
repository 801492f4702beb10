import { expect, openE2eDatabase, signIn, test } from "../fixtures";
import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { connectCollabClient } from "../../server/collab/provider-client";
import { buildCollabDocumentName } from "../../server/collab/schema";
import { E2E_BASE_URL } from "../environment";

test("Hocuspocus providers converge through /collab on the full server, next to Next.js", async ({ browser }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db, { name: "Collab check" });
  const people = await Promise.all([seedUser(db), seedUser(db)]);
  for (const person of people) await seedMembership(db, { projectId: project.id, userId: person.id, role: "annotator" });
  await db.destroy();

  const documentKey = "scratch/e2e";
  const clients = await Promise.all(
    people.map(async (person) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, person.email);
      // Each reconnect fetches a fresh token through the session, as the browser editor does.
      const mintToken = async () => {
        const response = await page.request.post("/api/trpc/collab.mintToken", { data: { json: { projectId: project.id, documentKey } } });
        expect(response.status()).toBe(200);
        return ((await response.json()) as { result: { data: { json: { token: string } } } }).result.data.json.token;
      };
      return { context, client: connectCollabClient({ baseUrl: E2E_BASE_URL, documentName: buildCollabDocumentName(project.id, documentKey), token: mintToken }) };
    }),
  );
  const [first, second] = clients.map((entry) => entry.client);
  await Promise.all([first!.ready, second!.ready]);
  first!.text.insert(0, "Corrected answer.");
  await second!.waitForText("Corrected answer.");
  for (const entry of clients) {
    entry.client.close();
    await entry.context.close();
  }

  const unauthenticated = connectCollabClient({ baseUrl: E2E_BASE_URL, documentName: buildCollabDocumentName(project.id, documentKey), token: "forged" });
  await expect(unauthenticated.ready).rejects.toThrow(/authentication failed/);
  unauthenticated.close();
});
