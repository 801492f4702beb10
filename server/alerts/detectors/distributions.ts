/**
 * Exact and near-exact tails for the null models: binomial and Student t through the regularised incomplete
 * beta function, the beta-binomial predictive law, and normal and χ² quantiles for the display bands.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7), accurate to about 1e-13. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = LANCZOS[0]!;
  for (let index = 1; index < LANCZOS.length; index += 1) sum += LANCZOS[index]! / (shifted + index);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

const LOG_FACTORIAL_TABLE_LIMIT = 1 << 20;
const logFactorials: number[] = [0];

/** ln k! for a non-negative integer; memoised up to 2^20 because every binomial draw needs three of them. */
export function logFactorial(k: number): number {
  if (k >= LOG_FACTORIAL_TABLE_LIMIT) return logGamma(k + 1);
  for (let next = logFactorials.length; next <= k; next += 1) logFactorials.push(logFactorials[next - 1]! + Math.log(next));
  return logFactorials[k]!;
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let fraction = d;
  for (let m = 1; m <= 300; m += 1) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / (Math.abs(1 + even * d) < tiny ? tiny : 1 + even * d);
    c = Math.abs(1 + even / c) < tiny ? tiny : 1 + even / c;
    fraction *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / (Math.abs(1 + odd * d) < tiny ? tiny : 1 + odd * d);
    c = Math.abs(1 + odd / c) < tiny ? tiny : 1 + odd / c;
    const step = d * c;
    fraction *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return fraction;
}

/** I_x(a, b), the regularised incomplete beta function. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), as I_p(k, n − k + 1). Trials and k may be fractional, which the
 * effective-sample-size corrections use.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return regularizedBeta(p, k, n - k + 1);
}

/** P(T ≥ t) for Student's t with `df` degrees of freedom. */
export function studentTUpperTail(t: number, df: number): number {
  const half = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? half : 1 - half;
}

/** The t with P(T ≥ t) = tail, by bisection on the exact tail. */
export function studentTQuantile(tail: number, df: number): number {
  let low = 0;
  let high = 1000;
  for (let step = 0; step < 100; step += 1) {
    const middle = (low + high) / 2;
    if (studentTUpperTail(middle, df) > tail) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** Φ(z), from the complementary error function (Numerical Recipes erfc, relative error < 1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x - 1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const upper = 0.5 * t * Math.exp(poly);
  return z >= 0 ? 1 - upper : upper;
}

/** Φ⁻¹(p) (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError("a normal quantile needs p in (0, 1)");
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tailPolynomial = (q: number): number =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tailPolynomial(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tailPolynomial(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** The χ²_df quantile at probability p (Wilson–Hilferty), used only for display bands. */
export function chiSquareQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  const scale = 2 / (9 * df);
  return df * Math.max(0, 1 - scale + z * Math.sqrt(scale)) ** 3;
}

/** The normal deviate of a χ²_df value (Wilson–Hilferty cube-root transform). */
export function chiSquareUpperZ(x: number, df: number): number {
  const scale = 2 / (9 * df);
  return (Math.cbrt(Math.max(0, x) / df) - (1 - scale)) / Math.sqrt(scale);
}

/**
 * The beta-binomial law of successes in n trials when the rate is unknown but a reference saw `successes`
 * in `trials`: the posterior predictive under a Jeffreys prior, BetaBinomial(n, s + ½, t − s + ½). It is
 * the binomial null widened by the reference's own sampling noise. Returns the probability of each count.
 */
export function betaBinomialPmf(n: number, referenceSuccesses: number, referenceTrials: number): Float64Array {
  const a = referenceSuccesses + 0.5;
  const b = referenceTrials - referenceSuccesses + 0.5;
  const pmf = new Float64Array(n + 1);
  let logTerm = logGamma(n + b) + logGamma(a + b) - logGamma(b) - logGamma(n + a + b);
  for (let k = 0; k <= n; k += 1) {
    pmf[k] = Math.exp(logTerm);
    logTerm += Math.log(((n - k) * (k + a)) / ((k + 1) * (n - k - 1 + b)));
  }
  return pmf;
}
