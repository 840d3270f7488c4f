import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demandActions } from '../../db/schema/demands.ts';
import { STAGES } from '../cogov/rules.ts';
import { auditEnUS } from '../../../web/src/app/i18n/audit.en-US.ts';
import { auditZhCN } from '../../../web/src/app/i18n/audit.zh-CN.ts';
import { notificationsEnUS } from '../../../web/src/app/i18n/notifications.en-US.ts';
import { notificationsZhCN } from '../../../web/src/app/i18n/notifications.zh-CN.ts';

/**
 * The web names what the server writes: every notice kind sent, every audit action and target type
 * recorded in server/modules and every process writing audit records has its zh-CN and en-US text. Read from the source, so a new
 * kind or action without a label fails here rather than showing a raw code to a resident or auditor.
 */
const MODULES = new URL('..', import.meta.url).pathname;
/** Where the platform's own processes write to the audit log under a name of their own. */
const PROCESSES = ['../../modules', '../../demo', '../../scripts', '../../core'].map((d) => new URL(d, import.meta.url).pathname);

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (path.endsWith('.ts') && !/(\.test|authz-cases|fixtures)\.ts$/.test(path)) yield path;
  }
}

/** The text of each call to one of `names`, up to its closing parenthesis. */
function callsTo(src: string, names: string[]): string[] {
  const out: string[] = [];
  const re = new RegExp(`\\b(?:${names.join('|')})\\(`, 'g');
  for (let m = re.exec(src); m; m = re.exec(src)) {
    let depth = 0;
    let i = m.index + m[0].length;
    for (; i < src.length && !(src[i] === ')' && depth === 0); i++) {
      if (src[i] === '(') depth++;
      else if (src[i] === ')') depth--;
    }
    out.push(src.slice(m.index, i));
  }
  return out;
}

const DOTTED = /'([a-z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*)+)'/g;

/** The audit actions built at run time, by what fills the template. */
const TEMPLATES: Record<string, readonly string[]> = {
  'demand.${step.action}': demandActions,
  'cogov.${input.stage}': STAGES,
  // unit_registration.state after a decision (server/db/schema/members.ts)
  'unitRegistration.${change.state}': ['confirmed', 'returned', 'withdrawn'],
  "registration.${decision.confirm ? 'confirm' : 'return'}": ['confirm', 'return'],
};

function scan() {
  const kinds = new Set<string>();
  const actions = new Set<string>();
  const targetTypes = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const file of sources(MODULES)) {
    const src = readFileSync(file, 'utf8');
    for (const call of callsTo(src, ['notify', 'tellReporter', 'tellHolders', 'tellProposer'])) {
      for (const m of call.matchAll(DOTTED)) kinds.add(m[1]!);
    }
    for (const call of callsTo(src, ['audit'])) {
      const action = /action:\s*(`[^`]*`|[^\n]+?)(?:,\s*targetType|,\s*$|\s*\}|$)/m.exec(call)?.[1]?.trim();
      if (!action) continue;
      const template = /^`([^`]+)`$/.exec(action)?.[1];
      if (template) {
        const fills = TEMPLATES[template];
        if (!fills) unknownTemplates.push(`${file}: ${template}`);
        const prefix = template.slice(0, template.indexOf('${'));
        for (const f of fills ?? []) actions.add(prefix + f);
      } else {
        for (const m of action.matchAll(DOTTED)) actions.add(m[1]!);
      }
      const type = /targetType:\s*'([a-z_0-9]+)'/.exec(call)?.[1];
      if (type) targetTypes.add(type);
    }
  }
  const processes = new Set<string>();
  for (const dir of PROCESSES) {
    for (const file of sources(dir)) for (const m of readFileSync(file, 'utf8').matchAll(/system: '([a-z0-9-]+)'/g)) processes.add(m[1]!);
  }
  return { kinds, actions, targetTypes, processes, unknownTemplates };
}

const found = scan();
const missing = (keys: string[], ...catalogues: Record<string, string>[]) =>
  keys.filter((k) => catalogues.some((c) => !c[k]));

describe('the web has a text for everything the server writes', () => {
  it('finds what it checks', () => {
    expect(found.kinds).toContain('demand.accepted');
    expect(found.actions).toContain('demand.accept');
    expect(found.actions).toContain('meeting.participant.add');
    expect(found.targetTypes).toContain('agenda_item');
    expect(found.processes).toContain('deadline-timer');
    expect(found.unknownTemplates).toEqual([]);
  });

  it('every notice kind has a sentence in zh-CN and en-US', () => {
    expect(missing([...found.kinds].map((k) => `notice.kind.${k}.title`), notificationsZhCN, notificationsEnUS)).toEqual([]);
  });

  it('every audit action and target type has a label in zh-CN and en-US', () => {
    expect(missing([...found.actions].map((a) => `audit.action.${a}`), auditZhCN, auditEnUS)).toEqual([]);
    expect(missing([...found.targetTypes].map((t) => `audit.targetType.${t}`), auditZhCN, auditEnUS)).toEqual([]);
  });

  it('every process of the platform that writes to the audit log has a name in zh-CN and en-US', () => {
    expect(missing([...found.processes].map((p) => `audit.system.${p}`), auditZhCN, auditEnUS)).toEqual([]);
  });
});
