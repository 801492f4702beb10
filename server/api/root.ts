import { agreementRouter } from "@/server/agreement/router";
import { alertsRouter } from "@/server/alerts/router";
import { annotatorAnalyticsRouter } from "@/server/annotator-analytics/router";
import { apiKeysRouter } from "@/server/api-keys/router";
import { auditRouter } from "@/server/audit/router";
import { collabRouter } from "@/server/collab/router";
import { datasetsRouter } from "@/server/datasets/router";
import { demoRouter } from "@/server/demo/router";
import { estimatesRouter } from "@/server/estimates/router";
import { goldItemsRouter } from "@/server/gold-items/router";
import { loopHealthRouter } from "@/server/loop-health/router";
import { invitesRouter } from "@/server/members/invites-router";
import { metricsRouter } from "@/server/metrics/router";
import { privacyRouter } from "@/server/privacy/router";
import { outputsRouter } from "@/server/outputs/router";
import { membersRouter } from "@/server/members/router";
import { projectsRouter } from "@/server/projects/router";
import { queuesRouter } from "@/server/queues/router";
import { resolutionRouter } from "@/server/resolution/router";
import { reviewRouter } from "@/server/review/router";
import { setupRouter } from "@/server/setup/router";
import { threadsRouter } from "@/server/threads/router";
import { truthRouter } from "@/server/truth/router";
import { usersRouter } from "@/server/users/router";
import { webhooksRouter } from "@/server/webhooks/router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  setup: setupRouter,
  users: usersRouter,
  projects: projectsRouter,
  members: membersRouter,
  invites: invitesRouter,
  apiKeys: apiKeysRouter,
  collab: collabRouter,
  audit: auditRouter,
  datasets: datasetsRouter,
  queues: queuesRouter,
  review: reviewRouter,
  resolution: resolutionRouter,
  demo: demoRouter,
  webhooks: webhooksRouter,
  alerts: alertsRouter,
  metrics: metricsRouter,
  loopHealth: loopHealthRouter,
  goldItems: goldItemsRouter,
  truth: truthRouter,
  annotatorAnalytics: annotatorAnalyticsRouter,
  agreement: agreementRouter,
  threads: threadsRouter,
  privacy: privacyRouter,
  estimates: estimatesRouter,
  outputs: outputsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
