/** The median of a list of figures (NaN for none): every bench figure is the median of its runs. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  if (!s.length) return NaN
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
