import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid, notFound } from '../../../core/errors.ts';
import { isValidPhone, normalizePhone } from '../../../core/pii.ts';
import { type Actor, grantsFor } from '../../../core/policy.ts';
import type { Role } from '../../../db/schema/accounts.ts';
import type { DemandChannel } from '../../../db/schema/demands.ts';
import { person } from '../../../db/schema/people.ts';
import { territory } from '../../../db/schema/territory.ts';
import { idsOfPath } from '../../territory/rules.ts';
import { createDemand } from './create-demand.ts';

export interface ReportInput {
  categoryId: string;
  description: string;
  title?: string;
  territoryId?: string;
  address?: string;
  room?: string;
  lat?: number;
  lng?: number;
  channel?: DemandChannel;
  reporterPersonId?: string;
  contactName?: string;
  contactPhone?: string;
}

/** Roles that log a demand for a resident, each with the channel it comes through. */
const LOGGERS: Partial<Record<Role, DemandChannel | null>> = {
  grid_worker: 'grid_visit',
  deputy: 'deputy_reception',
  community_worker: null,
  community_secretary: null,
};
/** Channels a worker may name for what they enter by hand (the hotline and Open311 have their own intake). */
const WORKER_CHANNELS: readonly DemandChannel[] = ['phone', 'portal', 'grid_visit', 'deputy_reception'];

async function nodePath(ctx: AppContext, id: string) {
  const [node] = await ctx.db.select({ path: territory.path }).from(territory).where(eq(territory.id, id));
  if (!node) throw notFound('territory', id);
  return node.path;
}

async function personAt(ctx: AppContext, id: string) {
  const [p] = await ctx.db.select({ id: person.id, territoryId: person.territoryId, path: territory.path })
    .from(person).innerJoin(territory, eq(territory.id, person.territoryId)).where(eq(person.id, id));
  return p ?? null;
}

/**
 * Who reports, for whom, where and through which channel: a resident for themself in their own
 * community through the portal; a grid worker, deputy or worker for a resident, at a place inside
 * their grant, through their own channel.
 */
async function intake(ctx: AppContext, actor: Actor, input: ReportInput) {
  const loggers = grantsFor(actor, 'demand.report').filter((g) => g.role in LOGGERS);
  if (loggers.length) {
    let territoryId = input.territoryId;
    if (input.reporterPersonId) {
      const p = await personAt(ctx, input.reporterPersonId);
      if (!p || !loggers.some((g) => p.path.startsWith(g.path))) throw invalid('reporterPersonId', 'demand.unknownPerson');
      territoryId ??= p.territoryId;
    }
    if (!territoryId) throw invalid('territoryId', 'demand.placeRequired');
    const path = await nodePath(ctx, territoryId);
    const grant = loggers.find((g) => path.startsWith(g.path));
    if (!grant) throw notFound('territory', territoryId);
    const own = LOGGERS[grant.role];
    if (!own && input.channel && !WORKER_CHANNELS.includes(input.channel)) throw invalid('channel', 'demand.channelNotAllowed');
    return { territoryId, reporterPersonId: input.reporterPersonId ?? null, channel: own ?? input.channel ?? 'phone' };
  }
  const me = actor.personId;
  if (!me) throw new DomainError('demand.noPerson', 409);
  if (input.reporterPersonId && input.reporterPersonId !== me) throw invalid('reporterPersonId', 'demand.onlyForSelf');
  const home = await personAt(ctx, me);
  if (!home) throw new DomainError('demand.noPerson', 409);
  const territoryId = input.territoryId ?? home.territoryId;
  const homeCommunity = idsOfPath(home.path)[2];
  if (!homeCommunity || idsOfPath(await nodePath(ctx, territoryId))[2] !== homeCommunity) throw notFound('territory', territoryId);
  return { territoryId, reporterPersonId: me, channel: 'portal' as const };
}

/** Takes in a demand from the portal or the console; answers its id. */
export async function reportDemand(ctx: AppContext, actor: Actor, input: ReportInput): Promise<string> {
  let contactPhone: string | null = null;
  if (input.contactPhone?.trim()) {
    contactPhone = normalizePhone(input.contactPhone);
    if (!isValidPhone(contactPhone)) throw invalid('contactPhone', 'phone.invalid');
  }
  const who = await intake(ctx, actor, input);
  const row = await ctx.db.transaction((tx) => createDemand(tx, ctx.pii, actor, {
    ...who,
    categoryId: input.categoryId,
    description: input.description,
    title: input.title,
    address: input.address,
    room: input.room,
    lat: input.lat,
    lng: input.lng,
    contactName: input.contactName,
    contactPhone,
  }));
  return row.id;
}
