import { z } from 'zod';
import type { Pii } from '../../core/pii.ts';
import { demandChannels, demandLevels, demandRatings, demandStates, handlerKinds, type demand, type demandCategory } from '../../db/schema/demands.ts';
import { OPEN_STATES } from './rules.ts';
import { demandActionNames, type OfferedAction } from './rights.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const ref = z.object({ id: z.string(), name: z.string() });

export const categoryOut = z.object({
  id: z.string(), code: z.string(), name: z.string(), groupName: z.string(), description: z.string(), keywords: z.string(),
  defaultHandler: z.enum(handlerKinds), deadlineDays: z.number().int(), remindDays: z.number().int(), sortOrder: z.number().int(),
  retired: z.boolean(),
});

export function presentCategory(c: typeof demandCategory.$inferSelect): z.infer<typeof categoryOut> {
  return {
    id: c.id, code: c.code, name: c.name, groupName: c.groupName, description: c.description, keywords: c.keywords,
    defaultHandler: c.defaultHandler, deadlineDays: c.deadlineDays, remindDays: c.remindDays, sortOrder: c.sortOrder,
    retired: c.retiredAt !== null,
  };
}

export const demandOut = z.object({
  id: z.string(), no: z.string().describe('SQ + yyyymmdd + serial; also the Open311 service_request_id'),
  title: z.string(), description: z.string(),
  state: z.enum(demandStates), level: z.enum(demandLevels), channel: z.enum(demandChannels),
  category: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  place: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  community: ref, grid: ref.nullable(),
  address: z.string().nullable(), room: z.string().nullable(), lat: z.number().nullable(), lng: z.number().nullable(),
  contact: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable()
    .describe('staff see it masked, the reporter their own, anyone else null'),
  handler: z.object({ kind: z.enum(handlerKinds).nullable(), bodyId: z.string().nullable(), bodyName: z.string().nullable() }),
  dueAt: z.string().nullable(), overdue: z.boolean(), escalatedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  rating: z.enum(demandRatings).nullable(), ratingComment: z.string().nullable(),
  reopenCount: z.number().int(),
  mergedInto: z.object({ id: z.string(), no: z.string() }).nullable(),
  externalNo: z.string().nullable(),
  mine: z.boolean().describe('reported (or entered) by the caller'),
  actions: z.array(z.enum(demandActionNames)).describe('the steps this caller may take now'),
  createdAt: z.string(), acceptedAt: z.string().nullable(), resolvedAt: z.string().nullable(), closedAt: z.string().nullable(), updatedAt: z.string(),
});
export type DemandOut = z.infer<typeof demandOut>;

export const demandDetailOut = demandOut.extend({
  steps: z.array(z.object({
    id: z.number(), action: z.string(), fromState: z.enum(demandStates).nullable(), toState: z.enum(demandStates).nullable(),
    actorName: z.string(), note: z.string().nullable(), data: z.record(z.string(), z.unknown()).nullable(), at: z.string(),
  })).describe('a reporter sees only the public ones'),
  photos: z.array(z.object({ id: z.string(), stage: z.enum(['report', 'resolve']), url: z.string() })),
  links: z.array(z.object({ targetType: z.enum(['agenda_item', 'project', 'mediation_case']), targetId: z.string(), note: z.string().nullable(), createdAt: z.string() })),
  duplicates: z.array(z.object({ id: z.string(), no: z.string(), title: z.string() })).describe('demands merged into this one'),
});
export type DemandDetailOut = z.infer<typeof demandDetailOut>;

/** One demand row with the names joined in the same query (no lookups per row). */
export interface DemandRow {
  d: typeof demand.$inferSelect;
  categoryCode: string;
  categoryName: string;
  placeName: string;
  placeKind: string;
  communityName: string;
  gridName: string | null;
  bodyName: string | null;
  mergedNo: string | null;
}

export interface Viewer {
  /** Staff of the demand's territory: masked contact. */
  staff: boolean;
  /** The reporter (or whoever entered it): their own contact in clear. */
  mine: boolean;
  actions: OfferedAction[];
}

/** The one place a demand becomes JSON: who sees the contact, and how, is decided here. */
export function presentDemand(r: DemandRow, v: Viewer, pii: Pii, now = new Date()): DemandOut {
  const { d } = r;
  const hasContact = d.contactNameEnc !== null || d.contactPhoneEnc !== null;
  const contact = !hasContact ? null
    : v.mine ? { name: d.contactNameEnc ? pii.decrypt(d.contactNameEnc) : null, phone: d.contactPhoneEnc ? pii.decrypt(d.contactPhoneEnc) : null }
      : v.staff ? { name: d.contactNameMasked, phone: d.contactPhoneMasked } : null;
  return {
    id: d.id, no: d.no, title: d.title, description: d.description,
    state: d.state, level: d.level, channel: d.channel,
    category: { id: d.categoryId, code: r.categoryCode, name: r.categoryName },
    place: { id: d.territoryId, name: r.placeName, kind: r.placeKind },
    community: { id: d.communityId, name: r.communityName },
    grid: d.gridId && r.gridName !== null ? { id: d.gridId, name: r.gridName } : null,
    address: d.address, room: v.staff || v.mine ? d.room : null, lat: d.lat, lng: d.lng,
    contact,
    handler: { kind: d.handlerKind, bodyId: d.handlerBodyId, bodyName: r.bodyName },
    dueAt: iso(d.dueAt), overdue: !!d.dueAt && d.dueAt < now && OPEN_STATES.includes(d.state), escalatedAt: iso(d.escalatedAt),
    rejectReason: d.rejectReason,
    rating: d.rating, ratingComment: d.ratingComment,
    reopenCount: d.reopenCount,
    mergedInto: d.mergedIntoId && r.mergedNo ? { id: d.mergedIntoId, no: r.mergedNo } : null,
    externalNo: d.externalNo,
    mine: v.mine,
    actions: v.actions,
    createdAt: d.createdAt.toISOString(), acceptedAt: iso(d.acceptedAt), resolvedAt: iso(d.resolvedAt), closedAt: iso(d.closedAt),
    updatedAt: d.updatedAt.toISOString(),
  };
}
