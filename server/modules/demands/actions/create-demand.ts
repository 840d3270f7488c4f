import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import { invalid, notFound } from '../../../core/errors.ts';
import { type Pii, maskName, maskPhone } from '../../../core/pii.ts';
import type { Actor } from '../../../core/policy.ts';
import { termsOf } from '../../../core/text.ts';
import { type Db, rowsOf } from '../../../db/client.ts';
import { body } from '../../../db/schema/bodies.ts';
import { type DemandChannel, type HandlerKind, demand, demandCategory } from '../../../db/schema/demands.ts';
import { territory } from '../../../db/schema/territory.ts';
import { accountsCovering, notify } from '../../notifications/notify.ts';
import { idsOfPath } from '../../territory/rules.ts';
import { dayOf } from '../calendar.ts';
import { recordStep } from '../events.ts';
import { demandNo } from '../rules.ts';
import '../messages.ts';

export interface NewDemand {
  /** The place: a community (village) or any node below it. */
  territoryId: string;
  categoryId: string;
  channel: DemandChannel;
  description: string;
  /** Defaults to the description's first line, cut to 40 characters. */
  title?: string | null;
  address?: string | null;
  room?: string | null;
  lat?: number | null;
  lng?: number | null;
  reporterPersonId?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  externalNo?: string | null;
  /** When it was asked, if earlier than now (a hotline order's own time). */
  createdAt?: Date;
  /**
   * A link to a photo held elsewhere (an Open311 client's `media_url`). Demands keep uploaded
   * photos only, so the link is kept in the first step's data (`mediaUrl`), where staff see it.
   */
  mediaUrl?: string | null;
}

/** An account, or the system acting by name (an import run, an Open311 key). */
export type Creator = Actor | { system: string; ip?: string; accountId?: string | null };

/** The place's district, street, community and grid, from its path. */
export async function placeOf(tx: Db, territoryId: string) {
  const [node] = await tx.select().from(territory).where(eq(territory.id, territoryId));
  if (!node || node.retired) throw invalid('territoryId', 'demand.placeAboveCommunity');
  const ids = idsOfPath(node.path);
  if (ids.length < 3) throw invalid('territoryId', 'demand.placeAboveCommunity');
  const chain = await tx.select({ id: territory.id, kind: territory.kind }).from(territory).where(inArray(territory.id, ids));
  const grid = chain.find((n) => n.kind === 'grid');
  return { node, districtId: ids[0]!, streetId: ids[1]!, communityId: ids[2]!, gridId: grid?.id ?? null, chainIds: ids };
}

/** The body of the category's kind nearest the place (a village's committee stands for a residents' committee). */
async function handlerBody(tx: Db, kind: HandlerKind, chainIds: string[]) {
  const kinds = kind === 'residents_committee' ? ['residents_committee', 'villagers_committee'] : [kind];
  const rows = await tx.select({ id: body.id, territoryId: body.territoryId }).from(body)
    .where(and(inArray(body.territoryId, chainIds), inArray(body.kind, kinds as never[]), isNull(body.retiredAt)))
    .orderBy(desc(body.createdAt));
  rows.sort((a, b) => chainIds.indexOf(b.territoryId) - chainIds.indexOf(a.territoryId));
  return rows[0]?.id ?? null;
}

/**
 * Takes in one demand from any channel, in the caller's transaction: routes it by place (grid,
 * community) and category (default handling body), numbers it, records the first step, audits,
 * and tells the community's workers and the grid's worker (unless `quiet`: a bulk import tells them
 * once, in one summary notice).
 */
export async function createDemand(tx: Db, pii: Pii, who: Creator, input: NewDemand, opts: { quiet?: boolean } = {}) {
  const place = await placeOf(tx, input.territoryId);
  const [category] = await tx.select().from(demandCategory)
    .where(and(eq(demandCategory.id, input.categoryId), eq(demandCategory.districtId, place.districtId), isNull(demandCategory.retiredAt)));
  if (!category) throw invalid('categoryId', 'demand.unknownCategory');
  const createdAt = input.createdAt ?? new Date();
  const [{ serial }] = rowsOf<{ serial: number }>(await tx.execute(sql`select nextval('demand_no_seq')::int as serial`)) as [{ serial: number }];
  const description = input.description.trim();
  const title = (input.title?.trim() || description.split(/\r?\n/)[0]!).slice(0, 40);
  const contactName = input.contactName?.trim() || null;
  const contactPhone = input.contactPhone?.trim() || null;
  const [row] = await tx.insert(demand).values({
    no: demandNo(dayOf(createdAt), serial),
    districtId: place.districtId,
    streetId: place.streetId,
    communityId: place.communityId,
    gridId: place.gridId,
    territoryId: place.node.id,
    path: place.node.path,
    categoryId: category.id,
    channel: input.channel,
    title,
    description,
    terms: termsOf(title, description),
    address: input.address?.trim() || null,
    room: input.room?.trim() || null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    reporterPersonId: input.reporterPersonId ?? null,
    createdBy: 'system' in who ? (who.accountId ?? null) : who.accountId,
    contactNameEnc: contactName ? pii.encrypt(contactName) : null,
    contactNameMasked: contactName ? maskName(contactName) : null,
    contactPhoneEnc: contactPhone ? pii.encrypt(contactPhone) : null,
    contactPhoneMasked: contactPhone ? maskPhone(contactPhone) : null,
    externalNo: input.externalNo ?? null,
    handlerKind: category.defaultHandler,
    handlerBodyId: await handlerBody(tx, category.defaultHandler, place.chainIds),
    createdAt,
    updatedAt: createdAt,
  }).returning();
  if (!row) throw notFound('demand', '');
  const doer = 'system' in who ? { system: who.system } : who;
  const mediaUrl = input.mediaUrl?.trim() || null;
  await recordStep(tx, row.id, doer, { action: 'submit', to: 'submitted', data: { channel: input.channel, ...(mediaUrl ? { mediaUrl } : {}) }, at: createdAt });
  await audit(tx, 'system' in who ? { system: who.system, ip: who.ip } : who, {
    action: 'demand.create', targetType: 'demand', targetId: row.id, territoryId: row.territoryId,
    after: { no: row.no, category: category.code, channel: row.channel, externalNo: row.externalNo, ...(mediaUrl ? { mediaUrl } : {}) },
  });
  if (opts.quiet) return row;
  const staff = await accountsCovering(tx, place.node.path, ['community_worker', 'community_secretary']);
  const gridWorkers = place.gridId ? await accountsCovering(tx, place.node.path, ['grid_worker']) : [];
  await notify(tx, [...staff, ...gridWorkers].filter((id) => 'system' in who || id !== who.accountId), {
    kind: 'demand.submitted', title: `新诉求 ${row.no}：${row.title}`, link: `/console/demands/${row.id}`, params: { no: row.no, demandId: row.id, title: row.title },
  });
  return row;
}
