// A light check of cron patterns, so a typo is reported with its line when the file is
// loaded rather than when BullMQ first tries to schedule the job. Accepts the patterns
// BullMQ's cron parser does in practice: five fields (minute hour day month weekday) or six
// with seconds first; '*', numbers, ranges, lists, steps, month and day names, '?', 'L'.

interface Field {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const SECOND: Field = { name: 'second', min: 0, max: 59 };
const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

function value(text: string, field: Field): number | null {
  const upper = text.toUpperCase();
  const named = field.names?.indexOf(upper) ?? -1;
  if (named >= 0) return field.min === 1 ? named + 1 : named;
  if (!/^[0-9]+$/.test(text)) return null;
  const n = Number(text);
  return n >= field.min && n <= field.max ? n : null;
}

function validItem(item: string, field: Field): boolean {
  const [range, step, ...rest] = item.split('/');
  if (rest.length > 0 || range === undefined || range === '') return false;
  if (step !== undefined && !/^[1-9][0-9]*$/.test(step)) return false;
  if (range === '*' || range === '?') return true;
  // 'L' (last day) and 'nW' / 'n#k' / 'nL' forms: accepted for day fields only.
  if ((field.name === 'day of month' || field.name === 'day of week') && /^[0-9]*[LW#][0-9]*$/i.test(range)) {
    return true;
  }
  const bounds = range.split('-');
  if (bounds.length > 2) return false;
  const numbers = bounds.map((b) => value(b, field));
  if (numbers.some((n) => n === null)) return false;
  return bounds.length === 1 || (numbers[0] as number) <= (numbers[1] as number);
}

/** Null when the pattern is fine, else a short reason in plain words. */
export function cronProblem(pattern: string): string | null {
  const parts = pattern.trim().split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) {
    return `has ${parts.length} field${parts.length === 1 ? '' : 's'}; a cron pattern has 5 (minute hour day month weekday), e.g. '*/10 * * * *'`;
  }
  const fields = parts.length === 6 ? [SECOND, ...FIELDS] : FIELDS;
  for (const [i, part] of parts.entries()) {
    const field = fields[i] as Field;
    if (!part.split(',').every((item) => validItem(item, field))) {
      return `has an invalid ${field.name} field '${part}' (allowed ${field.min}-${field.max})`;
    }
  }
  return null;
}
