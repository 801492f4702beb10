/** A signed-in member acting inside one project; every service that changes a project takes one. */
export type ProjectActor = { projectId: string; userId: string };
