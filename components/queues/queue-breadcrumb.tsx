import Link from "next/link";

/** Queues / <queue> / <section>: the trail above every page of one queue; the queue's own page has no section. */
export function QueueBreadcrumb({ slug, queueId, queueName, section }: { slug: string; queueId: string; queueName: string; section?: string }) {
  const base = `/p/${slug}/queues`;
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500">
      <Link href={base} className="hover:text-zinc-800 hover:underline">
        Queues
      </Link>{" "}
      /{" "}
      {section === undefined ? (
        <span className="text-zinc-800">{queueName}</span>
      ) : (
        <>
          <Link href={`${base}/${queueId}`} className="hover:text-zinc-800 hover:underline">
            {queueName}
          </Link>{" "}
          / <span className="text-zinc-800">{section}</span>
        </>
      )}
    </nav>
  );
}
