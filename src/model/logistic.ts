/**
 * A small sparse logistic regression: binary features by name, one weight each, trained by deterministic
 * AdaGrad SGD with L2 shrinkage, and Platt scaling for calibrated probabilities.
 *
 * Why our own: the model must be data the package ships (named weights in JSON, so a decision can name the
 * features behind it), train to the same bytes on the same corpus on every machine, and give probabilities.
 * npm's ml-logistic-regression works on dense ml-matrix rows (thousands of sparse binary features
 * here), and wink-perceptron gives no probabilities; both would need the same wrapping this file is.
 */
import { xorshift32 as random } from '../text/random.js';

export interface Example {
  features: readonly string[];
  label: 0 | 1;
}

export interface LinearModel {
  bias: number;
  weights: Record<string, number>;
  /** Platt scaling of the raw score: p = σ(a · score + b). */
  platt: { a: number; b: number };
}

export interface TrainOptions {
  epochs?: number;
  /** L2 penalty per example step. */
  l2?: number;
  /**
   * Features penalised harder than the rest: the L2 penalty of a feature this says true for is multiplied by
   * `heavierL2.factor`.
   */
  heavierL2?: { applies: (feature: string) => boolean; factor: number };
  learningRate?: number;
  /** Features seen in fewer training examples are dropped (noise that cannot generalise). */
  minCount?: number;
  seed?: number;
  /**
   * Prior weights: where training starts, and what the L2 shrinkage pulls back towards. A record type with
   * few examples then keeps what the rules say (the extractor that drafted it) until the data says otherwise.
   */
  prior?: Readonly<Record<string, number>>;
}

export const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** The raw score (log-odds before calibration). */
export function score(model: LinearModel, features: readonly string[]): number {
  let s = model.bias;
  for (const f of features) s += model.weights[f] ?? 0;
  return s;
}

export function probability(model: LinearModel, features: readonly string[]): number {
  return sigmoid(model.platt.a * score(model, features) + model.platt.b);
}

/** The features that pushed the score most towards the predicted side, strongest first. */
export function evidence(model: LinearModel, features: readonly string[], positive: boolean, top = 3): string[] {
  return strongestFeatures(features, (i) => model.weights[features[i]], positive, top);
}

/**
 * The features whose weights (`weightAt(i)` for feature i; undefined or 0 for none) push most towards the
 * predicted side, strongest first, each feature once, ties by name.
 */
export function strongestFeatures(features: readonly string[], weightAt: (i: number) => number | undefined, positive: boolean, top = 3): string[] {
  // The best `top` so far, strongest first: every kept record asks, so no set, no sort of all its features.
  const best: string[] = [];
  const bestWeights: number[] = [];
  const before = (f: string, w: number, k: number) => Math.abs(w) > Math.abs(bestWeights[k]) || (Math.abs(w) === Math.abs(bestWeights[k]) && f < best[k]);
  for (let i = 0; i < features.length; i++) {
    const w = weightAt(i);
    if (w === undefined || w === 0 || (positive ? w < 0 : w > 0)) continue;
    const f = features[i];
    if (best.includes(f)) continue;
    let at = best.length;
    while (at > 0 && before(f, w, at - 1)) at--;
    if (at >= top) continue;
    best.splice(at, 0, f);
    bestWeights.splice(at, 0, w);
    if (best.length > top) {
      best.pop();
      bestWeights.pop();
    }
  }
  return best;
}

/** Rounds a weight so the serialised model has the same bytes however the sums were ordered. */
const round = (x: number) => Math.round(x * 1e5) / 1e5;

export function train(examples: readonly Example[], options: TrainOptions = {}): LinearModel {
  const { epochs = 25, l2 = 1e-4, learningRate = 0.3, minCount = 2, seed = 1, prior = {}, heavierL2 } = options;
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c >= minCount || (c > 0 && prior[f] !== undefined)) index.set(f, index.size);
  const rows = examples.map((e) => ({ ids: [...new Set(e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined))], y: e.label }));
  const w = new Float64Array(index.size);
  const w0 = new Float64Array(index.size);
  for (const [f, i] of index) w0[i] = w[i] = prior[f] ?? 0;
  const g2 = new Float64Array(index.size).fill(1e-8);
  const penalty = new Float64Array(index.size);
  for (const [f, i] of index) penalty[i] = heavierL2?.applies(f) ? l2 * heavierL2.factor : l2;
  let bias = 0;
  let biasG2 = 1e-8;
  const order = rows.map((_, i) => i);
  const rand = random(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const r of order) {
      const row = rows[r];
      let s = bias;
      for (const id of row.ids) s += w[id];
      const grad = sigmoid(s) - row.y;
      biasG2 += grad * grad;
      bias -= (learningRate * grad) / Math.sqrt(biasG2);
      for (const id of row.ids) {
        const g = grad + penalty[id] * (w[id] - w0[id]);
        g2[id] += g * g;
        w[id] -= (learningRate * g) / Math.sqrt(g2[id]);
      }
    }
  }
  const weights: Record<string, number> = {};
  for (const [f, i] of index) if (Math.abs(w[i]) >= 1e-4) weights[f] = round(w[i]);
  return { bias: round(bias), weights, platt: { a: 1, b: 0 } };
}

/**
 * Platt scaling: fits p = σ(a·s + b) to held-out (score, label) pairs by Newton's method, with Platt's
 * smoothed targets so a perfectly separated fold does not drive a to infinity.
 */
export function fitPlatt(scores: readonly number[], labels: readonly (0 | 1)[]): { a: number; b: number } {
  const pos = labels.filter((y) => y === 1).length;
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return { a: 1, b: 0 };
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const t = labels.map((y) => (y ? hi : lo));
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (let i = 0; i < scores.length; i++) {
      const p = sigmoid(a * scores[i] + b);
      const d = p - t[i];
      const v = p * (1 - p);
      ga += d * scores[i];
      gb += d;
      haa += v * scores[i] * scores[i];
      hab += v * scores[i];
      hbb += v;
    }
    // A little ridge towards (1, 0) keeps a fold with few or separable examples from running away.
    haa += 1e-2;
    hbb += 1e-2;
    ga += 1e-2 * (a - 1);
    gb += 1e-2 * b;
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-7 && Math.abs(db) < 1e-7) break;
  }
  // A negative or runaway slope means the held-out scores carry no usable signal: leave them uncalibrated.
  if (!Number.isFinite(a) || !Number.isFinite(b) || a <= 0.05 || a > 20) return { a: 1, b: 0 };
  return { a: round(a), b: round(b) };
}
