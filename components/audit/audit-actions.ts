// What each audited action is called on screen; the code stays next to it for searching and scripts.
const ACTION_TITLES: Record<string, string> = {
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "dataset.created": "Dataset created",
  "dataset.updated": "Dataset recipe changed",
  "gold.created": "Gold label created",
  "gold.reopen_cancelled": "Gold revision cancelled",
  "gold.reopened": "Gold reopened for revision",
  "gold.revised": "Gold revised",
  "instance.setup_completed": "Goldloop set up",
  "invite.accepted": "Invite accepted",
  "invite.created": "Invite created",
  "invite.revoked": "Invite revoked",
  "member.removed": "Member removed",
  "member.role_changed": "Role changed",
  "project.created": "Project created",
  "queue.backfilled": "Queue backfilled",
  "queue.created": "Queue created",
  "queue.loop_settings_updated": "Queue loop settings changed",
  "queue.quality_settings_updated": "Queue resolution and quality settings changed",
  "queue.labels_imported": "Crowd labels imported",
  "release.published": "Release published",
  "release.requested": "Release requested",
  "release.retried": "Release retried",
  "webhook_delivery.replayed": "Webhook delivery replayed",
  "webhook_delivery.replayed_failed": "Failed webhook deliveries replayed",
  "webhook_endpoint.auto_disabled": "Webhook endpoint turned off after failures",
  "webhook_endpoint.created": "Webhook endpoint added",
  "webhook_endpoint.deleted": "Webhook endpoint deleted",
  "webhook_endpoint.disabled": "Webhook endpoint turned off",
  "webhook_endpoint.enabled": "Webhook endpoint turned on",
  "webhook_endpoint.secret_rotated": "Webhook secret rotated",
  "webhook_endpoint.updated": "Webhook endpoint edited",
};

/** The words for an action code, or the code itself for one this list does not know yet. */
export function titleForAction(action: string): string {
  return ACTION_TITLES[action] ?? action;
}
