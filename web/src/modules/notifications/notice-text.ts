/** The fields of a notice its sentence is made from. */
export interface NoticeSource {
  kind: string;
  title: string;
  body: string;
  params: Record<string, unknown> | null;
}

export interface NoticeText {
  title: string;
  body: string;
  /** False when the stored text is shown: an unknown kind, or params lacking a placeholder. */
  fromCatalogue: boolean;
}

/** A catalogue entry by key, undefined when there is none. */
export type Lookup = (key: string) => string | undefined;

const PLACEHOLDER = /\{(\w+)(?:\|(\w+))?\}/g;

/** Dates in the notices are the district's (Asia/Shanghai), as the stored Chinese text has them. */
function formatValue(value: unknown, format: string | undefined, lang: string, lookup: Lookup): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (!format) return typeof value === 'object' ? undefined : String(value);
  if (format === 'date' || format === 'datetime') {
    const at = new Date(String(value));
    if (Number.isNaN(+at)) return undefined;
    return new Intl.DateTimeFormat(lang, {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric',
      ...(format === 'datetime' ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    }).format(at);
  }
  if (format === 'dec1') return typeof value === 'number' ? String(Math.round(value * 10) / 10) : undefined;
  return lookup(`notice.${format}.${String(value)}`);
}

/** Fills a template's placeholders from params; undefined when one of them has no value. */
export function fillTemplate(template: string, params: Record<string, unknown>, lang: string, lookup: Lookup): string | undefined {
  let complete = true;
  const text = template.replace(PLACEHOLDER, (_, name: string, format?: string) => {
    const v = formatValue(params[name], format, lang, lookup);
    if (v === undefined) complete = false;
    return v ?? '';
  });
  return complete ? text : undefined;
}

/**
 * A notice in the reader's language: the catalogue's sentence for its kind with params filled in,
 * else the title and body stored with it (Chinese, written when it was sent). A body template that
 * cannot be filled leaves the stored body, which is often the person's own words (a reason, an answer).
 */
export function renderNotice(n: NoticeSource, lang: string, lookup: Lookup): NoticeText {
  const stored = { title: n.title, body: n.body, fromCatalogue: false };
  const titleTemplate = lookup(`notice.kind.${n.kind}.title`);
  if (!titleTemplate) return stored;
  const params = n.params ?? {};
  const title = fillTemplate(titleTemplate, params, lang, lookup);
  if (title === undefined) return stored;
  const bodyTemplate = lookup(`notice.kind.${n.kind}.body`);
  const body = (bodyTemplate && fillTemplate(bodyTemplate, params, lang, lookup)) || n.body;
  return { title, body, fromCatalogue: true };
}
