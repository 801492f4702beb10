import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";

export const dynamic = "force-dynamic";

/** Tells a machine client which project and scopes its API key has; any valid key may ask. */
export const GET = restHandler(async (request) => {
  const principal = await requireApiKey(request, null);
  return Response.json({
    project: { id: principal.projectId, slug: principal.projectSlug },
    apiKey: { id: principal.apiKeyId, name: principal.name, scopes: principal.scopes },
  });
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
