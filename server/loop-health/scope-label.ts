/** Names for the ids a series or row carries: queues and people. */
export type HealthNames = { queues: ReadonlyMap<string, string>; people: ReadonlyMap<string, string> };

/**
 * What a series is about, in words: "Support · Ana Ruiz", "Support", "Whole project · model". The subject is an
 * annotator id when it names a person, otherwise a feature name; a queue or person no longer known keeps a
 * short id so two of them never read alike.
 */
export function describeScope(names: HealthNames, queueId: string | null, subject: string): string {
  const queue = queueId === null ? "Whole project" : (names.queues.get(queueId) ?? `Queue ${queueId.slice(0, 8)}`);
  if (subject === "") return queue;
  return `${queue} · ${names.people.get(subject) ?? subject}`;
}
