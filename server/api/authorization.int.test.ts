import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { seedProjectTeam, seedUser } from "@/db/seed/factories";
import { VERDICT_LABEL_SCHEMA } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "@/server/api-keys/service";
import { createInvite } from "@/server/members/invite-service";
import type { SessionUser } from "@/server/users/schema";
import { callProcedureByPath } from "./call-by-path";
import { appRouter } from "./root";

/** Everyone a request can come from: signed out, an instance admin outside the project, a non-member, and each role. */
const callers = ["anonymous", "instanceAdmin", "outsider", "annotator", "lead", "ml", "admin"] as const;
type Caller = (typeof callers)[number];

type Fixture = Awaited<ReturnType<typeof seedFixture>>;
type Row = { allow: readonly Caller[]; input: (fixture: Fixture) => unknown };

const everyone = callers;
const signedIn = callers.filter((caller) => caller !== "anonymous");
const members = ["annotator", "lead", "ml", "admin"] as const;
/** Everyone who may label: annotators, and the roles that imply it. */
const reviewers = ["annotator", "lead", "admin"] as const;
/** A well-formed id nothing has: allowed callers get NOT_FOUND or a validation error, never FORBIDDEN. */
const unknownId = "00000000-0000-4000-8000-000000000000";

/**
 * Who may call each procedure. A new procedure without a row fails the test, so access is decided
 * deliberately for every one of them.
 */
const accessTable: Record<string, Row> = {
  "setup.status": { allow: everyone, input: () => undefined },
  "setup.complete": { allow: everyone, input: () => ({ token: "setup_unknown", name: "A", email: "a@example.test", password: "long enough pw" }) },
  "users.me": { allow: signedIn, input: () => undefined },
  "projects.list": { allow: signedIn, input: () => undefined },
  "projects.create": { allow: ["instanceAdmin"], input: () => ({ name: "Another project" }) },
  "projects.get": { allow: members, input: (f) => ({ projectId: f.project.id }) },
  "projects.overview": { allow: members, input: (f) => ({ projectId: f.project.id }) },
  "projects.activity": { allow: members, input: (f) => ({ projectId: f.project.id }) },
  "members.list": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id }) },
  "members.changeRole": { allow: ["admin"], input: (f) => ({ projectId: f.project.id, userId: f.members.annotator.id, role: "lead" }) },
  "members.remove": { allow: ["admin"], input: (f) => ({ projectId: f.project.id, userId: f.members.annotator.id }) },
  "invites.list": { allow: ["admin"], input: (f) => ({ projectId: f.project.id }) },
  "invites.create": { allow: ["admin"], input: (f) => ({ projectId: f.project.id, role: "annotator" }) },
  "invites.revoke": { allow: ["admin"], input: (f) => ({ projectId: f.project.id, inviteId: f.invite.id }) },
  "invites.inspect": { allow: everyone, input: (f) => ({ token: f.inviteToken }) },
  "invites.accept": { allow: signedIn, input: (f) => ({ token: f.inviteToken }) },
  "invites.register": { allow: everyone, input: (f) => ({ token: f.inviteToken, name: "New", email: "new-person@example.test", password: "long enough pw" }) },
  "apiKeys.list": { allow: ["admin"], input: (f) => ({ projectId: f.project.id }) },
  "apiKeys.create": { allow: ["admin"], input: (f) => ({ projectId: f.project.id, name: "ci", scopes: ["ingest"] }) },
  "apiKeys.revoke": { allow: ["admin"], input: (f) => ({ projectId: f.project.id, apiKeyId: f.apiKeyId }) },
  "collab.mintToken": { allow: members, input: (f) => ({ projectId: f.project.id, documentKey: "scratch/1" }) },
  "audit.list": { allow: ["admin"], input: (f) => ({ projectId: f.project.id }) },
  "queues.create": {
    allow: ["lead", "admin"],
    input: (f) => ({
      projectId: f.project.id,
      name: "Q",
      labelSchema: VERDICT_LABEL_SCHEMA,
      overlap: 2,
      samplingRule: { rate: 1 },
      backfill: false,
    }),
  },
  "queues.list": { allow: members, input: (f) => ({ projectId: f.project.id }) },
  "queues.get": { allow: members, input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "queues.getArchived": { allow: members, input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "queues.backfill": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "queues.removeItem": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueItemId: 1, reason: "test traffic" }) },
  "queues.listArchived": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id }) },
  "queues.update": {
    allow: ["lead", "admin"],
    input: (f) => ({ projectId: f.project.id, queueId: unknownId, name: "Q", instructions: "", overlap: 2, leaseSeconds: 600, samplingRule: { rate: 1 } }),
  },
  "queues.updateLabelSchema": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId, labelSchema: VERDICT_LABEL_SCHEMA }) },
  "queues.schemaVersions": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "queues.archive": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "queues.restore": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "queues.items": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "queues.updateLoopSettings": {
    allow: ["lead", "admin"],
    input: (f) => ({ projectId: f.project.id, queueId: unknownId, holdoutFraction: 0.1, suggestionDisplay: "preselected", decoyRate: 0.05, approvalValues: {} }),
  },
  "queues.updateQualitySettings": {
    allow: ["lead", "admin"],
    input: (f) => ({ projectId: f.project.id, queueId: unknownId, consensusMethod: "dawid_skene", majorityThreshold: 0.6, minPosterior: 0.9, maxOverlap: 3, goldItemRate: 0.1, gateMinAccuracy: 0.7, gateMinGoldItems: 10, dailyCap: 200 }),
  },
  "datasets.list": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id }) },
  "datasets.get": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id, datasetId: unknownId }) },
  "datasets.create": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, name: "Gold", queueIds: [unknownId] }) },
  "datasets.queueChoices": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id }) },
  "datasets.update": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, datasetId: unknownId, name: "Gold", queueIds: [unknownId] }) },
  "datasets.publish": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, datasetId: unknownId }) },
  "datasets.releaseProgress": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id, datasetId: unknownId }) },
  "datasets.retryRelease": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, datasetId: unknownId, release: 1 }) },
  "datasets.releaseRows": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id, datasetId: unknownId, release: 1 }) },
  "datasets.releaseChanges": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id, datasetId: unknownId, release: 1 }) },
  "datasets.classBalance": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id, datasetId: unknownId, release: 1 }) },
  "datasets.mixedLabelVersions": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id, datasetId: unknownId, release: 1 }) },
  "demo.load": { allow: ["instanceAdmin"], input: () => undefined },
  "review.get": { allow: reviewers, input: (f) => ({ projectId: f.project.id, assignmentId: 1 }) },
  "review.claimNext": { allow: reviewers, input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "review.heartbeat": { allow: reviewers, input: (f) => ({ projectId: f.project.id, assignmentId: 1 }) },
  "review.skip": { allow: reviewers, input: (f) => ({ projectId: f.project.id, assignmentId: 1, reason: "unclear" }) },
  "review.submit": { allow: reviewers, input: (f) => ({ projectId: f.project.id, assignmentId: 1, values: { verdict: "good" } }) },
  "review.myItems": { allow: reviewers, input: (f) => ({ projectId: f.project.id }) },
  "review.myProgress": { allow: reviewers, input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "review.recentAnswers": { allow: reviewers, input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "review.getAnswer": { allow: reviewers, input: (f) => ({ projectId: f.project.id, assignmentId: 1 }) },
  "review.editAnswer": { allow: reviewers, input: (f) => ({ projectId: f.project.id, assignmentId: 1, values: { verdict: "good" } }) },
  "review.shared": { allow: reviewers, input: (f) => ({ projectId: f.project.id, assignmentId: 1 }) },
  "review.approve": { allow: reviewers, input: (f) => ({ projectId: f.project.id, assignmentId: 1 }) },
  "review.escalate": { allow: reviewers, input: (f) => ({ projectId: f.project.id, assignmentId: 1, reason: "we cannot agree" }) },
  "resolution.listConflicts": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id }) },
  "resolution.getConflict": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueItemId: 1 }) },
  "resolution.getShared": { allow: reviewers, input: (f) => ({ projectId: f.project.id, queueItemId: 1 }) },
  "resolution.finalize": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueItemId: 1, values: { verdict: "good" } }) },
  "resolution.goldHistory": { allow: reviewers, input: (f) => ({ projectId: f.project.id, queueItemId: 1 }) },
  "resolution.reopenGold": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueItemId: 1, reason: "the policy changed" }) },
  "resolution.cancelReopen": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueItemId: 1 }) },
  "threads.getForAssignment": { allow: reviewers, input: (f) => ({ projectId: f.project.id, assignmentId: 1 }) },
  "threads.getForItem": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueItemId: 1 }) },
  "webhooks.list": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id }) },
  "webhooks.get": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, endpointId: unknownId }) },
  "webhooks.create": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, url: "https://93.184.216.34/hooks", eventTypes: ["gold.created"] }) },
  "webhooks.update": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, endpointId: unknownId, description: "d" }) },
  "webhooks.delete": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, endpointId: unknownId }) },
  "webhooks.rotateSecret": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, endpointId: unknownId }) },
  "webhooks.disable": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, endpointId: unknownId }) },
  "webhooks.enable": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, endpointId: unknownId }) },
  "webhooks.sendTest": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, endpointId: unknownId }) },
  "webhooks.listDeliveries": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, endpointId: unknownId }) },
  "webhooks.getDelivery": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, deliveryId: unknownId }) },
  "webhooks.replayDelivery": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, deliveryId: unknownId }) },
  "webhooks.replayFailed": { allow: ["ml", "admin"], input: (f) => ({ projectId: f.project.id, endpointId: unknownId, since: new Date() }) },
  "metrics.getLoopSettings": { allow: members, input: (f) => ({ projectId: f.project.id }) },
  "metrics.updateLoopSettings": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, referenceWindows: 7 }) },
  "metrics.backfill": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id }) },
  "alerts.list": { allow: members, input: (f) => ({ projectId: f.project.id }) },
  "alerts.get": { allow: members, input: (f) => ({ projectId: f.project.id, alertId: unknownId }) },
  "alerts.acknowledge": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, alertId: unknownId }) },
  "alerts.snooze": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, alertId: unknownId, hours: 4 }) },
  "alerts.unsnooze": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, alertId: unknownId }) },
  "alerts.rules.list": { allow: members, input: (f) => ({ projectId: f.project.id }) },
  "alerts.rules.create": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, name: "Approvals saturating", metric: "labels.approval", comparator: ">", threshold: 0.95 }) },
  "alerts.rules.update": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, ruleId: unknownId, threshold: 0.9 }) },
  "alerts.rules.delete": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, ruleId: unknownId }) },
  "alerts.detectors.list": { allow: members, input: (f) => ({ projectId: f.project.id }) },
  "alerts.detectors.setEnabled": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, detector: "label_collapse", enabled: false }) },
  "alerts.detectors.setSeverity": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, detector: "label_collapse", severity: "critical" }) },
  "loopHealth.overview": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id, granularity: "day" }) },
  "loopHealth.tile": { allow: members, input: (f) => ({ projectId: f.project.id }) },
  "goldItems.list": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "goldItems.addFromGold": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueItemId: 1_000_000 }) },
  "goldItems.addTopGold": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId, count: 5 }) },
  "goldItems.importCsv": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId, csv: "item,label\nout-1,helpful\n" }) },
  "goldItems.retire": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, goldItemId: 1_000_000 }) },
  "goldItems.listAccuracy": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "goldItems.listPauses": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "goldItems.liftPause": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, pauseId: 1_000_000, note: "retrained" }) },
  "privacy.getSettings": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id }) },
  "privacy.updateSettings": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, enabledRules: ["email"], customRules: [], metadataKeys: [], phoneRegion: "US" }) },
  "privacy.testRedaction": {
    allow: ["lead", "admin"],
    input: (f) => ({ projectId: f.project.id, text: "mail jane@example.com", settings: { enabledRules: ["email"], customRules: [], metadataKeys: [], phoneRegion: null } }),
  },
  "privacy.previewErasure": { allow: ["admin"], input: (f) => ({ projectId: f.project.id, endUserId: "nobody" }) },
  "privacy.eraseEndUser": { allow: ["admin"], input: (f) => ({ projectId: f.project.id, endUserId: "nobody" }) },
  "truth.latestFit": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "truth.refit": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "truth.listFlags": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "truth.dismissFlag": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, flagId: 1 }) },
  "truth.reopenFromFlag": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, flagId: 1, note: "the rubric changed" }) },
  "annotatorAnalytics.list": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id }) },
  // Anyone may open their own page; the annotator opens their own here, the ML member someone else's.
  "annotatorAnalytics.get": { allow: reviewers, input: (f) => ({ projectId: f.project.id, userId: f.members.annotator.id }) },
  "agreement.forQueue": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "estimates.forQueue": { allow: members, input: (f) => ({ projectId: f.project.id, queueId: unknownId }) },
  "outputs.list": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id, q: "refund" }) },
  "outputs.get": { allow: ["lead", "ml", "admin"], input: (f) => ({ projectId: f.project.id, outputId: 1 }) },
  "outputs.addToQueue": { allow: ["lead", "admin"], input: (f) => ({ projectId: f.project.id, queueId: unknownId, outputIds: [1] }) },
};

const testDb = setUpTestDatabase();

async function seedFixture(db: typeof testDb.db) {
  const team = await seedProjectTeam(db);
  const instanceAdmin = await seedUser(db, { isInstanceAdmin: true });
  const adminActor = { projectId: team.project.id, userId: team.members.admin.id };
  const invite = await createInvite(db, adminActor, { role: "annotator", expiresInDays: 7 }, { publicUrl: "http://localhost", mailer: null });
  const { key } = await createApiKey(db, adminActor, { name: "fixture", scopes: ["ingest"] });
  return { ...team, instanceAdmin, invite, inviteToken: invite.url.split("/invite/")[1]!, apiKeyId: key.id };
}

function userFor(caller: Caller, fixture: Fixture): SessionUser | null {
  switch (caller) {
    case "anonymous":
      return null;
    case "instanceAdmin":
      return fixture.instanceAdmin;
    case "outsider":
      return fixture.outsider;
    default:
      return fixture.members[caller];
  }
}



describe("authorization", () => {
  const procedurePaths = Object.keys(appRouter._def.procedures).sort();

  it("has a row for every procedure in the router, and none for procedures that no longer exist", () => {
    expect(procedurePaths).toEqual(Object.keys(accessTable).sort());
  });

  for (const path of procedurePaths) {
    for (const caller of callers) {
      const row = accessTable[path];
      const isAllowed = row?.allow.includes(caller) ?? false;
      it(`${path}: ${caller} is ${isAllowed ? "allowed" : "denied"}`, async () => {
        expect(row, `add "${path}" to the access table`).toBeDefined();
        const fixture = await seedFixture(testDb.db);
        const outcome = await callProcedureByPath(testDb.db, userFor(caller, fixture), path, row!.input(fixture)).then(
          () => "ok",
          (error: unknown) => (error instanceof TRPCError ? error.code : `unexpected ${String(error)}`),
        );
        if (isAllowed) {
          expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(outcome);
          expect(outcome).not.toMatch(/^unexpected|INTERNAL_SERVER_ERROR/);
        } else {
          expect(outcome).toBe(caller === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");
        }
      });
    }
  }
});
