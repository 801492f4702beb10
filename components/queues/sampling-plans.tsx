import { Table, Td, Th } from "@/components/ui/table";
import { formatPercent } from "./sampling-rule-summary";

type DayPlanRow = { day: string; defaultRate: number; stratumRates: Record<string, number>; expectedItems: number; limitedBy: "budget" | "pending_cap" | null };

const LIMIT_WORDS = { budget: "held to the budget", pending_cap: "pending cap reached: floor only" } as const;

/** The rates each recent day ran at, per stratum, fixed from the days before it: what quotas, budget and cap did. */
export function SamplingPlans({ plans }: { plans: readonly DayPlanRow[] }) {
  if (plans.length === 0) return <p className="text-xs text-zinc-500">Each day&apos;s rates are fixed the first time the day is sampled; none yet.</p>;
  return (
    <Table aria-label="Daily sampling rates">
      <thead>
        <tr>
          <Th>Day (UTC)</Th>
          <Th>Rates</Th>
          <Th className="text-right">Expected items (from earlier days)</Th>
        </tr>
      </thead>
      <tbody>
        {plans.map((plan) => (
          <tr key={plan.day}>
            <Td className="whitespace-nowrap">{plan.day}</Td>
            <Td>
              {Object.entries(plan.stratumRates)
                .map(([stratum, rate]) => `${stratum} ${formatPercent(rate)}`)
                // A rule without strata has one stratum, "all", and no others.
                .concat("all" in plan.stratumRates ? [] : [`others ${formatPercent(plan.defaultRate)}`])
                .join(" · ")}
              {plan.limitedBy && <span className="block text-xs text-amber-700">{LIMIT_WORDS[plan.limitedBy]}</span>}
              {Object.keys(plan.stratumRates).length === 0 && <span className="block text-xs text-zinc-500">no earlier days to plan from: the base rate, no quotas or limits</span>}
            </Td>
            <Td className="text-right tabular-nums">{Math.round(plan.expectedItems)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
