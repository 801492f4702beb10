import type { Migration } from "kysely/migration";
import * as createIdentityTables from "./2026_11_24_0900_create_identity_tables";
import * as createCollabDocs from "./2026_11_24_0910_create_collab_docs";
import * as createSignInAttempts from "./2026_11_24_1400_create_sign_in_attempts";
import * as createLoopTables from "./2026_11_24_1600_create_loop_tables";
import * as createCollabUpdates from "./2026_11_29_0100_create_collab_updates";
import * as trainingReleases from "./2026_11_29_0300_training_releases";
import * as createWebhooks from "./2026_11_29_0400_create_webhooks";
import * as createGoldReopeningsAndReleaseCandidates from "./2026_11_29_0500_create_gold_reopenings_and_release_candidates";
import * as indexReleaseRowsForExport from "./2026_11_29_0600_index_release_rows_for_export";
import * as notifyGoldCreated from "./2026_11_29_0700_notify_gold_created";
import * as loopHealth from "./2026_11_29_0800_loop_health";
import * as stampGoldLatency from "./2026_11_29_0820_stamp_gold_latency";
import * as detectorSeverity from "./2026_11_29_0830_detector_severity";
import * as truthInference from "./2026_11_30_0900_truth_inference";
import * as truthRefitRequests from "./2026_11_30_0920_truth_refit_requests";
import * as truthRefitPhase from "./2026_11_30_0921_truth_refit_phase";
import * as importedQueues from "./2026_11_30_0930_imported_queues";
import * as allowAnnotatorPausedWebhooks from "./2026_11_30_0940_allow_annotator_paused_webhooks";
import * as intakeContract from "./2026_12_01_0900_intake_contract";
import * as privacySettingsAndReleaseTombstones from "./2026_12_01_0920_privacy_settings_and_release_tombstones";
import * as samplingDayPlans from "./2026_12_01_0930_sampling_day_plans";
import * as indexOutputsForBrowsing from "./2026_12_01_0940_index_outputs_for_browsing";
import * as narrowAssignmentIndexes from "./2026_12_01_0950_narrow_assignment_indexes";
import * as queueItemPlans from "./2026_12_02_0900_queue_item_plans";
import * as assignmentAnnotatorWithoutKeyCheck from "./2026_12_02_0910_assignment_annotator_without_key_check";
import * as labelSchemaVersions from "./2026_12_03_0900_label_schema_versions";
import * as annotationRevisions from "./2026_12_03_0910_annotation_revisions";
import * as queuePrimaryChoiceKey from "./2026_12_03_0920_queue_primary_choice_key";
import * as outputCandidates from "./2026_12_04_0900_output_candidates";
import * as createCollabAuthors from "./2026_12_04_0930_create_collab_authors";
import * as releaseRowAssertions from "./2026_12_04_0940_release_row_assertions";

/**
 * Every migration, keyed by file name. Listed by hand rather than read from disk so the same list works
 * under tsx, Vitest and any bundler, and a missing import is a type error rather than a silent skip.
 */
export const migrations: Record<string, Migration> = {
  "2026_11_24_0900_create_identity_tables": createIdentityTables,
  "2026_11_24_0910_create_collab_docs": createCollabDocs,
  "2026_11_24_1400_create_sign_in_attempts": createSignInAttempts,
  "2026_11_24_1600_create_loop_tables": createLoopTables,
  "2026_11_29_0100_create_collab_updates": createCollabUpdates,
  "2026_11_29_0300_training_releases": trainingReleases,
  "2026_11_29_0400_create_webhooks": createWebhooks,
  "2026_11_29_0500_create_gold_reopenings_and_release_candidates": createGoldReopeningsAndReleaseCandidates,
  "2026_11_29_0600_index_release_rows_for_export": indexReleaseRowsForExport,
  "2026_11_29_0700_notify_gold_created": notifyGoldCreated,
  "2026_11_29_0800_loop_health": loopHealth,
  "2026_11_29_0820_stamp_gold_latency": stampGoldLatency,
  "2026_11_29_0830_detector_severity": detectorSeverity,
  "2026_11_30_0900_truth_inference": truthInference,
  "2026_11_30_0920_truth_refit_requests": truthRefitRequests,
  "2026_11_30_0921_truth_refit_phase": truthRefitPhase,
  "2026_11_30_0930_imported_queues": importedQueues,
  "2026_11_30_0940_allow_annotator_paused_webhooks": allowAnnotatorPausedWebhooks,
  "2026_12_01_0900_intake_contract": intakeContract,
  "2026_12_01_0920_privacy_settings_and_release_tombstones": privacySettingsAndReleaseTombstones,
  "2026_12_01_0930_sampling_day_plans": samplingDayPlans,
  "2026_12_01_0940_index_outputs_for_browsing": indexOutputsForBrowsing,
  "2026_12_01_0950_narrow_assignment_indexes": narrowAssignmentIndexes,
  "2026_12_02_0900_queue_item_plans": queueItemPlans,
  "2026_12_02_0910_assignment_annotator_without_key_check": assignmentAnnotatorWithoutKeyCheck,
  "2026_12_03_0900_label_schema_versions": labelSchemaVersions,
  "2026_12_03_0910_annotation_revisions": annotationRevisions,
  "2026_12_03_0920_queue_primary_choice_key": queuePrimaryChoiceKey,
  "2026_12_04_0900_output_candidates": outputCandidates,
  "2026_12_04_0930_create_collab_authors": createCollabAuthors,
  "2026_12_04_0940_release_row_assertions": releaseRowAssertions,
};
