/**
 * /metrics read with the Prometheus text exposition format's line grammar, strictly: every line
 * must be a HELP, a TYPE, a sample or blank, every sample must belong to a family declared with
 * HELP and TYPE, or the parse fails. (The one npm parser found drops histogram labels and counts.)
 */
type Sample = { name: string; labels: Record<string, string>; value: number };
type Family = { name: string; help: string; type: string; samples: Sample[] };

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const HELP_LINE = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
// Values as Go's ParseFloat reads them (what Prometheus uses): NaN and Inf in any case.
const SAMPLE_LINE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? ([+-]?(?:[0-9]*\\.?[0-9]+(?:e[+-]?[0-9]+)?|nan|inf))(?: -?[0-9]+)?$`, 'i');
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/;
const SUFFIXES = ['_bucket', '_count', '_sum', ''];

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest) {
    const match = LABEL.exec(rest);
    if (!match?.[1] || match[2] === undefined) throw new Error(`bad labels in metrics line: ${line}`);
    labels[match[1]] = match[2].replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    rest = rest.slice(match[0].length);
  }
  return labels;
}

export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const help = HELP_LINE.exec(line);
    if (help?.[1]) {
      families.set(help[1], { name: help[1], help: help[2] ?? '', type: '', samples: [] });
      continue;
    }
    const type = TYPE_LINE.exec(line);
    if (type?.[1] && type[2]) {
      const family = families.get(type[1]);
      if (!family) throw new Error(`TYPE before HELP: ${line}`);
      family.type = type[2];
      continue;
    }
    const sample = SAMPLE_LINE.exec(line);
    if (!sample?.[1] || !sample[3]) throw new Error(`not a Prometheus text line: ${line}`);
    const name = sample[1];
    const family = SUFFIXES.map((s) => (name.endsWith(s) ? families.get(name.slice(0, name.length - s.length)) : undefined)).find((f) => f !== undefined);
    if (!family?.type) throw new Error(`sample without HELP and TYPE: ${line}`);
    const raw = sample[3].toLowerCase();
    const value = raw === 'nan' ? Number.NaN : raw.endsWith('inf') ? (raw.startsWith('-') ? -Infinity : Infinity) : Number(raw);
    family.samples.push({ name, labels: parseLabels(sample[2] ?? '', line), value });
  }
  return families;
}

/** /metrics parsed, with lookups by name and labels. */
export class ScrapedMetrics {
  readonly families: Map<string, Family>;

  constructor(text: string) {
    this.families = parsePrometheusText(text);
  }

  static async from(baseUrl: string): Promise<ScrapedMetrics> {
    const response = await fetch(`${baseUrl}/metrics`);
    if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
    expect200Text(response.headers.get('content-type'));
    return new ScrapedMetrics(await response.text());
  }

  family(name: string): Family {
    const family = this.families.get(name);
    if (!family) throw new Error(`no metric ${name}; have: ${[...this.families.keys()].join(', ')}`);
    return family;
  }

  /**
   * Sum of the samples whose labels include `labels`; 0 when none exist yet. For a histogram
   * this is its `_count` (how many observations).
   */
  value(name: string, labels: Record<string, string> = {}): number {
    const family = this.family(name);
    const sampleName = family.type === 'histogram' || family.type === 'summary' ? `${name}_count` : name;
    return family.samples
      .filter((s) => s.name === sampleName && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .reduce((sum, s) => sum + s.value, 0);
  }

  labelValues(): string[] {
    return [...this.families.values()].flatMap((f) => f.samples.flatMap((s) => Object.values(s.labels)));
  }
}

function expect200Text(contentType: string | null): void {
  if (!contentType?.startsWith('text/plain')) throw new Error(`/metrics content-type is ${contentType}, expected text/plain`);
}
