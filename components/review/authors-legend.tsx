export type LegendAuthor = { userId: string; name: string; color: string };

/** Names the colour each person's spans carry in the shared correction. */
export function AuthorsLegend({ authors, userName }: { authors: readonly LegendAuthor[]; userName: string }) {
  if (authors.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600">
      <span>Written by:</span>
      <ul aria-label="Who wrote what" className="flex flex-wrap items-center gap-1.5">
        {authors.map((author) => (
          <li key={author.userId} className="flex items-center gap-1 rounded-full bg-zinc-100 py-0.5 pr-2 pl-1">
            <span aria-hidden className="h-2.5 w-4 rounded-sm" style={{ backgroundColor: `${author.color}26`, borderBottom: `2px solid ${author.color}` }} />
            {author.name === userName ? `${author.name} (you)` : author.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
