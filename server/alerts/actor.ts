/** Who acts on alerts and rules: a member (tRPC) or an admin API key (REST). */
export type AlertActor = { projectId: string; userId: string | null; apiKeyId?: string | null };

export const auditActor = (actor: AlertActor) => ({ projectId: actor.projectId, actorUserId: actor.userId, actorApiKeyId: actor.apiKeyId ?? null });
