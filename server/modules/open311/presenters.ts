import { z } from 'zod';
import { type Locale, t } from '../../core/i18n.ts';
import { maskIdNumber, maskName, maskPhone } from '../../core/pii.ts';
import type { DemandState, HandlerKind } from '../../db/schema/demands.ts';
import type { Scalar } from './format.ts';
import './messages.ts';

/** GeoReport v2 `service`: a demand category of the district. */
export const serviceOut = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export type ServiceOut = z.infer<typeof serviceOut>;

export const serviceDefinitionOut = z.object({ service_code: z.string(), attributes: z.array(z.never()) });

/** GeoReport v2 `request`: the public view of a demand — never who asked, how to reach them, or the room. */
export const requestOut = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type RequestOut = z.infer<typeof requestOut>;

/** The answer to POST requests: the service type is `realtime`, so the id at once (no token). */
export const createdOut = z.object({ service_request_id: z.string(), service_notice: z.string().nullable(), account_id: z.string().nullable() });
export const tokenOut = z.object({ service_request_id: z.string(), token: z.string() });
export const errorOut = z.array(z.object({ code: z.number(), description: z.string() }));

export const asScalars = <T extends object>(rows: T[]) => rows as unknown as Record<string, Scalar>[];

export interface CategoryRow {
  code: string;
  name: string;
  description: string;
  groupName: string;
  keywords: string;
}

export const presentService = (c: CategoryRow): ServiceOut => ({
  service_code: c.code,
  service_name: c.name,
  description: c.description,
  metadata: false,
  type: 'realtime',
  keywords: c.keywords,
  group: c.groupName,
});

/** Open until it is resolved; resolved, closed, rejected and merged are closed (the note says which). */
export const CLOSED_STATES: readonly DemandState[] = ['resolved', 'closed', 'rejected', 'merged'];
export const OPEN_STATES: readonly DemandState[] = ['submitted', 'accepted', 'assigned', 'in_progress'];

/** W3C date-time at Shanghai's offset (no daylight saving), seconds precision. */
export function w3(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_NUMBER = /(?<![\dXx])\d{17}[\dXx](?![\dXx])/g;

/**
 * Masks what a resident may have written into their own text: mobile and ID numbers, and the
 * names of the reporter and contact wherever they appear.
 */
export function redact(text: string, names: (string | null)[]): string {
  let out = text.replace(ID_NUMBER, maskIdNumber).replace(MOBILE, maskPhone);
  for (const name of names) {
    if (name && name.length >= 2) out = out.split(name).join(maskName(name));
  }
  return out;
}

export interface RequestRow {
  no: string;
  state: DemandState;
  description: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  createdAt: Date;
  updatedAt: Date;
  dueAt: Date | null;
  rejectReason: string | null;
  categoryCode: string;
  categoryName: string;
  deadlineDays: number;
  placeCode: string | null;
  placeName: string;
  communityName: string;
  handlerKind: HandlerKind | null;
  handlerName: string | null;
  mergedNo: string | null;
  resolution: string | null;
  /** Names to mask in the texts (decrypted contact name, reporter's name); never shown themselves. */
  names: (string | null)[];
}

function statusNotes(r: RequestRow, locale: Locale): string {
  const clean = (s: string) => redact(s, r.names);
  switch (r.state) {
    case 'resolved':
    case 'closed':
      return r.resolution ? t(locale, 'open311.status.resolved', { note: clean(r.resolution) }) : t(locale, 'open311.status.resolvedPlain');
    case 'rejected':
      return t(locale, 'open311.status.rejected', { reason: clean(r.rejectReason ?? '') });
    case 'merged':
      return t(locale, 'open311.status.merged', { no: r.mergedNo ?? '' });
    default:
      return t(locale, `open311.status.${r.state}`);
  }
}

export function presentRequest(r: RequestRow, locale: Locale): RequestOut {
  const place = r.placeName === r.communityName ? r.placeName : `${r.placeName}, ${r.communityName}`;
  return {
    service_request_id: r.no,
    status: CLOSED_STATES.includes(r.state) ? 'closed' : 'open',
    status_notes: statusNotes(r, locale),
    service_name: r.categoryName,
    service_code: r.categoryCode,
    description: redact(r.description, r.names),
    agency_responsible: r.handlerName ?? (r.handlerKind ? t(locale, `open311.handler.${r.handlerKind}`) : null),
    service_notice: t(locale, 'open311.noticeList', { days: r.deadlineDays }),
    requested_datetime: w3(r.createdAt),
    updated_datetime: w3(r.updatedAt),
    expected_datetime: r.dueAt ? w3(r.dueAt) : null,
    address: r.address ? `${redact(r.address, r.names)}, ${place}` : place,
    address_id: r.placeCode,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: null,
  };
}
