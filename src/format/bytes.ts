const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * Bytes as people read them on a traffic meter, in their language ("1.2 MB", "1,2 МБ"): decimal units,
 * one decimal below 10, whole numbers above; plain bytes are spelt out ("999 bytes", "999 байт").
 */
export function formatBytes(bytes: number, language: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  // Round first, so 9.96 MB reads "10 MB" rather than "10.0 MB".
  const digits = unit > 0 && Math.round(value * 10) / 10 < 10 ? 1 : 0;
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}
