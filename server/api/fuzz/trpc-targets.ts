import { VERDICT_LABEL_SCHEMA } from "@/db/seed/loop";
import { encodeTextDocument } from "@/server/collab/text-document";
import type { SessionUser } from "@/server/users/schema";
import type { FuzzFixture } from "./fixture";

/** Who calls: signed out, a signed-in person of no project, the person who accepts the invite, an instance admin, or a role. */
export type FuzzCaller = "anonymous" | "outsider" | "joiner" | "instanceAdmin" | "annotator" | "lead" | "ml" | "admin";

/** A valid call of one procedure, by someone allowed to make it; the suite mutates the input from there. */
export type TrpcTarget = { caller: FuzzCaller; input: (fixture: FuzzFixture) => unknown };

export function userFor(caller: FuzzCaller, fixture: FuzzFixture): SessionUser | null {
  switch (caller) {
    case "anonymous":
      return null;
    case "outsider":
      return fixture.outsider;
    case "joiner":
      return fixture.joiner;
    case "instanceAdmin":
      return fixture.instanceAdmin;
    default:
      return fixture.members[caller];
  }
}

const inProject = (fixture: FuzzFixture) => ({ projectId: fixture.project.id });
const correctionState = Buffer.from(encodeTextDocument("Refunds take 3 business days.")).toString("base64");

/**
 * A generator for every procedure. Valid inputs fill in every optional field, so the suite has a value to
 * mutate at every path; a procedure missing here fails the suite.
 */
export const trpcTargets: Record<string, TrpcTarget> = {
  "setup.status": { caller: "anonymous", input: () => undefined },
  "setup.complete": { caller: "anonymous", input: () => ({ token: "setup_unknown", name: "A", email: "a@example.test", password: "long enough pw" }) },
  "users.me": { caller: "annotator", input: () => undefined },
  "projects.list": { caller: "annotator", input: () => undefined },
  "projects.create": { caller: "instanceAdmin", input: () => ({ name: "Fuzzed project", slug: "fuzzed-project" }) },
  "projects.get": { caller: "annotator", input: inProject },
  "projects.overview": { caller: "annotator", input: inProject },
  "projects.activity": { caller: "annotator", input: inProject },
  "members.list": { caller: "lead", input: inProject },
  "members.changeRole": { caller: "admin", input: (f) => ({ ...inProject(f), userId: f.victim.id, role: "lead" }) },
  "members.remove": { caller: "admin", input: (f) => ({ ...inProject(f), userId: f.victim.id }) },
  "invites.list": { caller: "admin", input: inProject },
  "invites.create": { caller: "admin", input: (f) => ({ ...inProject(f), role: "annotator", note: "for the night shift", expiresInDays: 7 }) },
  "invites.revoke": { caller: "admin", input: (f) => ({ ...inProject(f), inviteId: f.revocableInviteId }) },
  "invites.inspect": { caller: "anonymous", input: (f) => ({ token: f.invite.token }) },
  "invites.accept": { caller: "joiner", input: (f) => ({ token: f.invite.token }) },
  "invites.register": { caller: "anonymous", input: (f) => ({ token: f.invite.token, name: "New", email: "new-person@example.test", password: "long enough pw" }) },
  "apiKeys.list": { caller: "admin", input: inProject },
  "apiKeys.create": { caller: "admin", input: (f) => ({ ...inProject(f), name: "ci", scopes: ["ingest", "datasets:read"] }) },
  "apiKeys.revoke": { caller: "admin", input: (f) => ({ ...inProject(f), apiKeyId: f.apiKeyId }) },
  "collab.mintToken": { caller: "annotator", input: (f) => ({ ...inProject(f), documentKey: "scratch/1", mode: "edit" }) },
  "audit.list": { caller: "admin", input: (f) => ({ ...inProject(f), limit: 50, cursor: 1_000_000 }) },
  "queues.create": {
    caller: "lead",
    input: (f) => ({
      ...inProject(f),
      name: "Fuzzed queue",
      instructions: "Is the answer **helpful**?",
      labelSchema: VERDICT_LABEL_SCHEMA,
      overlap: 2,
      leaseSeconds: 600,
      mode: "blind",
      samplingRule: {
        models: ["support-bot-1"],
        tags: ["support"],
        metadata: { channel: "web" },
        signals: ["thumbs_down"],
        rate: 0.5,
        strataBy: "metadata",
        strataKey: "locale",
        quotaPerDay: 20,
        prioritySignals: ["regenerate"],
        priorityScoreBelow: 0.3,
        priorityMultiplier: 5,
        explorationFloor: 0.01,
        dailyBudget: 300,
        maxPending: 2_000,
        thread: "last_turn",
        threadIdleMinutes: 30,
      },
      majorityThreshold: 0.6,
      holdoutFraction: 0.1,
      suggestionDisplay: "preselected",
      decoyRate: 0.05,
      approvalValues: { verdict: ["helpful"] },
      backfill: false,
    }),
  },
  "queues.list": { caller: "annotator", input: inProject },
  "queues.get": { caller: "annotator", input: (f) => ({ ...inProject(f), queueId: f.queue.id }) },
  "queues.backfill": { caller: "lead", input: (f) => ({ ...inProject(f), queueId: f.queue.id }) },
  "queues.updateLoopSettings": {
    caller: "lead",
    input: (f) => ({ ...inProject(f), queueId: f.queue.id, holdoutFraction: 0.1, suggestionDisplay: "preselected", decoyRate: 0.05, approvalValues: { verdict: ["helpful"] } }),
  },
  "queues.removeItem": { caller: "lead", input: (f) => ({ ...inProject(f), queueItemId: f.removableItemId, reason: "test traffic, not production" }) },
  "queues.updateQualitySettings": {
    caller: "lead",
    input: (f) => ({ ...inProject(f), queueId: f.queue.id, consensusMethod: "dawid_skene", majorityThreshold: 0.6, minPosterior: 0.9, maxOverlap: 3, goldItemRate: 0.1, gateMinAccuracy: 0.7, gateMinGoldItems: 10, dailyCap: 200 }),
  },
  "datasets.list": { caller: "ml", input: inProject },
  "datasets.get": { caller: "ml", input: (f) => ({ ...inProject(f), datasetId: f.dataset.id }) },
  "datasets.create": {
    caller: "ml",
    input: (f) => ({
      ...inProject(f),
      name: "Fuzzed set",
      slug: "fuzzed-set",
      description: "gold",
      queueIds: [f.queue.id],
      minConfidence: 0.5,
      labelFilters: { verdict: ["helpful", "harmful"] },
      correctionMode: "allow_original",
      goldFrom: new Date("2026-01-01T00:00:00Z"),
      goldUntil: null,
      splitTrain: 0.7,
      splitValidation: 0.2,
      splitTest: 0.1,
      splitKey: "metadata",
      splitMetadataKey: "conversation_id",
    }),
  },
  "datasets.queueChoices": { caller: "ml", input: inProject },
  "datasets.update": {
    caller: "ml",
    input: (f) => ({
      ...inProject(f),
      datasetId: f.dataset.id,
      name: "Support gold",
      description: "verdicts",
      queueIds: [f.queue.id],
      minConfidence: 0.5,
      labelFilters: { verdict: ["helpful"] },
      correctionMode: "require_correction",
      goldFrom: new Date("2026-01-01T00:00:00Z"),
      goldUntil: new Date("2027-01-01T00:00:00Z"),
      splitTrain: 0.8,
      splitValidation: 0.1,
      splitTest: 0.1,
      splitKey: "end_user_id",
      splitMetadataKey: null,
    }),
  },
  "datasets.publish": { caller: "ml", input: (f) => ({ ...inProject(f), datasetId: f.dataset.id, notes: "nightly" }) },
  "datasets.releaseProgress": { caller: "lead", input: (f) => ({ ...inProject(f), datasetId: f.dataset.id }) },
  "datasets.retryRelease": { caller: "ml", input: (f) => ({ ...inProject(f), datasetId: f.dataset.id, release: 1 }) },
  "datasets.releaseRows": {
    caller: "lead",
    input: (f) => ({ ...inProject(f), datasetId: f.dataset.id, release: 1, split: "train", label: "verdict=helpful", change: "added", search: "refund", page: 1 }),
  },
  "datasets.releaseChanges": { caller: "ml", input: (f) => ({ ...inProject(f), datasetId: f.dataset.id, release: 1, change: "added", page: 1 }) },
  "datasets.classBalance": { caller: "ml", input: (f) => ({ ...inProject(f), datasetId: f.dataset.id, release: 1 }) },
  // Only instance admins may load the demo, which builds a whole project; the suite sends it someone who may not.
  "demo.load": { caller: "outsider", input: () => undefined },
  "review.get": { caller: "annotator", input: (f) => ({ ...inProject(f), assignmentId: f.assignmentId }) },
  "review.claimNext": { caller: "annotator", input: (f) => ({ ...inProject(f), queueId: f.queue.id, excludeAssignmentIds: [f.assignmentId] }) },
  "review.heartbeat": { caller: "annotator", input: (f) => ({ ...inProject(f), assignmentId: f.assignmentId }) },
  "review.skip": { caller: "lead", input: (f) => ({ ...inProject(f), assignmentId: f.leadAssignmentId, reason: "other", detail: "the question is cut off" }) },
  "review.submit": {
    caller: "annotator",
    input: (f) => ({ ...inProject(f), assignmentId: f.assignmentId, values: { verdict: "harmful" }, note: "too slow", correctionState, timeSpentMs: 4_000 }),
  },
  "review.myItems": { caller: "annotator", input: inProject },
  "review.myProgress": { caller: "annotator", input: (f) => ({ ...inProject(f), queueId: f.queue.id }) },
  "resolution.listConflicts": { caller: "lead", input: (f) => ({ ...inProject(f), queueId: f.queue.id }) },
  "resolution.getConflict": { caller: "lead", input: (f) => ({ ...inProject(f), queueItemId: f.conflictItemId }) },
  "threads.getForAssignment": { caller: "annotator", input: (f) => ({ ...inProject(f), assignmentId: f.assignmentId }) },
  "threads.getForItem": { caller: "lead", input: (f) => ({ ...inProject(f), queueItemId: f.conflictItemId }) },
  "resolution.getShared": { caller: "lead", input: (f) => ({ ...inProject(f), queueItemId: f.conflictItemId }) },
  "resolution.finalize": {
    caller: "lead",
    input: (f) => ({ ...inProject(f), queueItemId: f.conflictItemId, values: { verdict: "harmful" }, correctionState, note: "policy says 3 days" }),
  },
  "resolution.goldHistory": { caller: "lead", input: (f) => ({ ...inProject(f), queueItemId: f.goldItemId }) },
  "resolution.reopenGold": { caller: "lead", input: (f) => ({ ...inProject(f), queueItemId: f.goldItemId, reason: "the refund policy changed to 5 days" }) },
  "resolution.cancelReopen": { caller: "lead", input: (f) => ({ ...inProject(f), queueItemId: f.goldItemId }) },
  "webhooks.list": { caller: "ml", input: inProject },
  "webhooks.get": { caller: "ml", input: (f) => ({ ...inProject(f), endpointId: f.webhook.endpointId }) },
  "webhooks.create": {
    caller: "ml",
    input: (f) => ({ ...inProject(f), url: "https://93.184.216.34/fuzzed", description: "trainer", eventTypes: ["gold.created", "release.published"], isEnabled: true }),
  },
  "webhooks.update": {
    caller: "ml",
    input: (f) => ({ ...inProject(f), endpointId: f.webhook.endpointId, url: "https://93.184.216.34/moved", description: "moved", eventTypes: ["gold.created"] }),
  },
  "webhooks.delete": { caller: "admin", input: (f) => ({ ...inProject(f), endpointId: f.webhook.deletableEndpointId }) },
  "webhooks.rotateSecret": { caller: "admin", input: (f) => ({ ...inProject(f), endpointId: f.webhook.endpointId }) },
  "webhooks.disable": { caller: "admin", input: (f) => ({ ...inProject(f), endpointId: f.webhook.endpointId }) },
  "webhooks.enable": { caller: "admin", input: (f) => ({ ...inProject(f), endpointId: f.webhook.endpointId, replayFailedSince: new Date("2026-11-01T00:00:00Z") }) },
  "webhooks.sendTest": { caller: "ml", input: (f) => ({ ...inProject(f), endpointId: f.webhook.endpointId }) },
  "webhooks.listDeliveries": { caller: "ml", input: (f) => ({ ...inProject(f), endpointId: f.webhook.endpointId, state: "pending", limit: 20, afterDeliveryId: f.webhook.deliveryId }) },
  "webhooks.getDelivery": { caller: "ml", input: (f) => ({ ...inProject(f), deliveryId: f.webhook.deliveryId }) },
  "webhooks.replayDelivery": { caller: "ml", input: (f) => ({ ...inProject(f), deliveryId: f.webhook.deliveryId }) },
  "webhooks.replayFailed": { caller: "ml", input: (f) => ({ ...inProject(f), endpointId: f.webhook.endpointId, since: new Date("2026-11-01T00:00:00Z") }) },
  "metrics.getLoopSettings": { caller: "annotator", input: inProject },
  "metrics.updateLoopSettings": { caller: "lead", input: (f) => ({ ...inProject(f), granularities: ["hour", "day"], driftMetadataKeys: ["locale"], referenceWindows: 7 }) },
  "metrics.backfill": { caller: "lead", input: (f) => ({ ...inProject(f), since: new Date("2026-11-01T00:00:00Z") }) },
  "alerts.list": { caller: "annotator", input: (f) => ({ ...inProject(f), state: "open", limit: 50 }) },
  "alerts.get": { caller: "annotator", input: (f) => ({ ...inProject(f), alertId: f.alerts.alertId }) },
  "alerts.acknowledge": { caller: "lead", input: (f) => ({ ...inProject(f), alertId: f.alerts.alertId }) },
  "alerts.snooze": { caller: "lead", input: (f) => ({ ...inProject(f), alertId: f.alerts.alertId, hours: 2 }) },
  "alerts.unsnooze": { caller: "lead", input: (f) => ({ ...inProject(f), alertId: f.alerts.alertId }) },
  "alerts.rules.list": { caller: "annotator", input: inProject },
  "alerts.rules.create": {
    caller: "lead",
    input: (f) => ({
      ...inProject(f),
      name: "Approvals saturating",
      metric: "labels.approval",
      comparator: ">",
      threshold: 0.95,
      queueId: f.queue.id,
      granularity: "day",
      sustainedWindows: 2,
      clearWindows: 3,
      severity: "warning",
      isEnabled: true,
    }),
  },
  "alerts.rules.update": {
    caller: "lead",
    input: (f) => ({
      ...inProject(f),
      ruleId: f.alerts.ruleId,
      name: "Thumbs down",
      metric: "signals.thumbs_down",
      comparator: ">=",
      threshold: 0.25,
      queueId: null,
      granularity: "day",
      sustainedWindows: 1,
      clearWindows: 2,
      severity: "critical",
      isEnabled: true,
    }),
  },
  "alerts.rules.delete": { caller: "lead", input: (f) => ({ ...inProject(f), ruleId: f.alerts.deletableRuleId }) },
  "alerts.detectors.list": { caller: "annotator", input: inProject },
  "alerts.detectors.setEnabled": { caller: "lead", input: (f) => ({ ...inProject(f), detector: "label_collapse", enabled: true }) },
  "alerts.detectors.setSeverity": { caller: "lead", input: (f) => ({ ...inProject(f), detector: "label_collapse", severity: "warning" }) },
  "loopHealth.overview": { caller: "lead", input: (f) => ({ ...inProject(f), granularity: "hour" }) },
  "loopHealth.tile": { caller: "annotator", input: inProject },
  "goldItems.list": { caller: "lead", input: (f) => ({ ...inProject(f), queueId: f.queue.id }) },
  "goldItems.addFromGold": { caller: "lead", input: (f) => ({ ...inProject(f), queueItemId: f.goldItemId }) },
  "goldItems.addTopGold": { caller: "lead", input: (f) => ({ ...inProject(f), queueId: f.queue.id, count: 5 }) },
  "goldItems.importCsv": { caller: "lead", input: (f) => ({ ...inProject(f), queueId: f.queue.id, csv: `item,label\n${f.outputExternalIds[0]},helpful\n` }) },
  "goldItems.retire": { caller: "lead", input: (f) => ({ ...inProject(f), goldItemId: 1_000_000 }) },
  "goldItems.listAccuracy": { caller: "lead", input: (f) => ({ ...inProject(f), queueId: f.queue.id }) },
  "goldItems.listPauses": { caller: "lead", input: (f) => ({ ...inProject(f), queueId: f.queue.id, includeLifted: true }) },
  "goldItems.liftPause": { caller: "lead", input: (f) => ({ ...inProject(f), pauseId: 1_000_000, note: "retrained on the rubric" }) },
  "privacy.getSettings": { caller: "lead", input: inProject },
  "privacy.updateSettings": {
    caller: "lead",
    input: (f) => ({ ...inProject(f), enabledRules: ["email", "phone", "card", "iban", "secret", "ip"], customRules: [{ name: "order-id", pattern: "ORD-\\d{6}", caseInsensitive: true }], metadataKeys: ["customer_email"], phoneRegion: "US" }),
  },
  "privacy.testRedaction": {
    caller: "lead",
    input: (f) => ({
      ...inProject(f),
      text: "Ticket ORD-123456 from jane@example.com",
      settings: { enabledRules: ["email"], customRules: [{ name: "order-id", pattern: "ORD-\\d{6}", caseInsensitive: false }], metadataKeys: ["customer_email"], phoneRegion: "DE" },
    }),
  },
  // An end user the fixture never ingested: erasing one that exists would take rows other targets use.
  "privacy.previewErasure": { caller: "admin", input: (f) => ({ ...inProject(f), endUserId: "fuzz-nobody" }) },
  "privacy.eraseEndUser": { caller: "admin", input: (f) => ({ ...inProject(f), endUserId: "fuzz-nobody" }) },
  "truth.latestFit": { caller: "lead", input: (f) => ({ ...inProject(f), queueId: f.queue.id }) },
  "truth.refit": { caller: "lead", input: (f) => ({ ...inProject(f), queueId: f.queue.id }) },
  "truth.listFlags": { caller: "ml", input: (f) => ({ ...inProject(f), queueId: f.queue.id, includeClosed: true }) },
  "truth.dismissFlag": { caller: "lead", input: (f) => ({ ...inProject(f), flagId: 1 }) },
  "truth.reopenFromFlag": { caller: "lead", input: (f) => ({ ...inProject(f), flagId: 1, note: "the rubric changed" }) },
  "annotatorAnalytics.list": { caller: "lead", input: (f) => ({ ...inProject(f), queueId: f.queue.id }) },
  "annotatorAnalytics.get": { caller: "lead", input: (f) => ({ ...inProject(f), userId: f.members.annotator.id, queueId: f.queue.id }) },
  "agreement.forQueue": { caller: "lead", input: (f) => ({ ...inProject(f), queueId: f.queue.id, fieldKey: "verdict", granularity: "hour" }) },
  "estimates.forQueue": { caller: "annotator", input: (f) => ({ ...inProject(f), queueId: f.queue.id, granularity: "week" }) },
  "outputs.list": {
    caller: "ml",
    input: (f) => ({
      ...inProject(f),
      model: "support-bot-1",
      tags: ["support"],
      metadata: ["channel=web"],
      signal: "thumbs_down",
      from: "2026-11-01T00:00:00Z",
      to: "2026-12-01T00:00:00Z",
      consent: true,
      sessionId: "session-1",
      endUserId: "u1",
      q: "refund",
      cursor: "WyIyMDI2LTExLTI0VDEwOjAwOjAwLjAwMDAwMFoiLDFd",
      limit: 50,
    }),
  },
  "outputs.get": { caller: "ml", input: (f) => ({ ...inProject(f), outputId: f.items[0]!.outputId }) },
  "outputs.addToQueue": { caller: "lead", input: (f) => ({ ...inProject(f), queueId: f.queue.id, outputIds: [f.items[0]!.outputId, f.items[1]!.outputId] }) },
};
