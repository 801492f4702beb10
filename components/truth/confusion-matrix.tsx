import { formatShare } from "./format";

/**
 * One annotator's confusion matrix as a heat grid: row = true value, column = the answer given, each cell
 * P(answer | truth) with its number printed, so the colours never carry information alone.
 */
export function ConfusionMatrix({ classes, confusion, caption }: { classes: string[]; confusion: number[][]; caption: string }) {
  return (
    <table aria-label={caption} className="text-xs">
      <thead>
        <tr>
          <th scope="col" className="px-2 py-1 text-left font-medium text-zinc-500">
            truth ↓ / answer →
          </th>
          {classes.map((value) => (
            <th key={value} scope="col" className="px-2 py-1 text-right font-mono font-medium text-zinc-600">
              {value}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {classes.map((truth, row) => (
          <tr key={truth}>
            <th scope="row" className="px-2 py-1 text-left font-mono font-medium text-zinc-600">
              {truth}
            </th>
            {classes.map((given, column) => {
              const probability = confusion[row]?.[column] ?? 0;
              const isDiagonal = row === column;
              return (
                <td
                  key={given}
                  className="px-2 py-1 text-right tabular-nums"
                  style={{ backgroundColor: isDiagonal ? `rgba(16, 185, 129, ${0.1 + 0.5 * probability})` : `rgba(239, 68, 68, ${0.6 * probability})` }}
                >
                  {formatShare(probability)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
