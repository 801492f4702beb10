/** Progress of a download or export on a terminal: rows and bytes so far, redrawn in place at most ten times a second. */
export type TransferProgress = { update(progress: { rows?: number; bytes: number }): void; done(): void };

/** "1 row", "2,048 rows". */
export const countRows = (rows: number) => `${rows.toLocaleString("en-US")} ${rows === 1 ? "row" : "rows"}`;

const formatBytes = (bytes: number) => (bytes < 1_000_000 ? `${(bytes / 1_000).toFixed(1)} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`);

/**
 * A progress line on stderr when it is a terminal; nothing otherwise, so pipes and logs stay clean.
 * `totalRows` comes from the export's row count.
 */
export function startTransferProgress(label: string, totalRows: number, stream: NodeJS.WriteStream = process.stderr): TransferProgress {
  if (!stream.isTTY) return { update() {}, done() {} };
  let lastDrawn = 0;
  let latest: { rows?: number; bytes: number } = { bytes: 0 };
  const draw = () => {
    // A download sees bytes, not rows: it shows the total it will hold.
    const total = `${totalRows.toLocaleString("en-US")} rows`;
    const rows = latest.rows === undefined ? total : `${latest.rows.toLocaleString("en-US")} / ${total}`;
    stream.write(`\r${label}: ${rows} · ${formatBytes(latest.bytes)}\u001b[K`);
  };
  return {
    update(progress) {
      latest = progress;
      const now = Date.now();
      if (now - lastDrawn < 100) return;
      lastDrawn = now;
      draw();
    },
    done() {
      draw();
      stream.write("\n");
    },
  };
}
