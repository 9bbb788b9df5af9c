/** `n` rounded to `places` decimals, as the benchmark results report their figures. */
export function roundTo(n: number, places: number): number {
  const scale = 10 ** places;
  return Math.round(n * scale) / scale;
}
