/**
 * Whether an alert's condition holds, read off a series of windows: a window fires or not (a window
 * without data does not), and the condition holds at a window when the `sustainedWindows` windows ending
 * there all fired. Pure: the same series always gives the same judgement, however often it is evaluated.
 */
export type ConditionInput = {
  /** The start (ms) of each window that fired. */
  firingWindows: ReadonlySet<number>;
  /** The latest closed window (ms): the one judged. */
  latest: number;
  stepMs: number;
  sustainedWindows: number;
  /** How far back to count a clear streak; past it the streak is long enough whatever came before. */
  clearWindows: number;
};

export type ConditionJudgement = {
  holds: boolean;
  /** The first window of the run of firing windows that ends at the latest one (when it holds). */
  firstWindow: number | null;
  /** The latest window that fired, at or before the latest closed one, within the windows looked at. */
  latestFiringWindow: number | null;
  /** Consecutive windows, ending at the latest, where the condition did not hold (at most clearWindows). */
  clearStreak: number;
};

const MAX_LOOKBACK_WINDOWS = 10_000;

export function judgeCondition(input: ConditionInput): ConditionJudgement {
  const fires = (window: number) => input.firingWindows.has(window);
  const holdsAt = (window: number) => {
    for (let offset = 0; offset < input.sustainedWindows; offset++) if (!fires(window - offset * input.stepMs)) return false;
    return true;
  };
  const holds = holdsAt(input.latest);
  let firstWindow: number | null = null;
  if (holds) {
    firstWindow = input.latest;
    for (let count = 0; count < MAX_LOOKBACK_WINDOWS && fires(firstWindow - input.stepMs); count++) firstWindow -= input.stepMs;
  }
  let clearStreak = 0;
  while (clearStreak < input.clearWindows && !holdsAt(input.latest - clearStreak * input.stepMs)) clearStreak++;
  const fired = [...input.firingWindows].filter((window) => window <= input.latest);
  return { holds, firstWindow, latestFiringWindow: fired.length > 0 ? Math.max(...fired) : null, clearStreak };
}
