import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { invalid } from '../../../core/errors.ts';
import { type Locale, t } from '../../../core/i18n.ts';
import { isValidPhone, normalizePhone } from '../../../core/pii.ts';
import { territory } from '../../../db/schema/territory.ts';
import { createDemand } from '../../demands/actions/create-demand.ts';
import { idsOfPath } from '../../territory/rules.ts';
import { Open311Error } from '../format.ts';
import type { ApiKey } from '../keys.ts';
import { activeCategory, placeByCode } from '../queries.ts';

/**
 * The fields of a GeoReport v2 POST this platform keeps. `email` is checked and not stored: a demand
 * holds its contact's name and phone only (encrypted), no e-mail. Device and account ids are not
 * stored either.
 */
export interface PostedRequest {
  service_code: string;
  description: string;
  lat?: number;
  long?: number;
  address_string?: string;
  address_id?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  email?: string;
  /** The client's link to a photo of the problem: kept on the demand's first step, never fetched. */
  media_url?: string;
}

/** 张 + 三 → 张三 (family name first, no space); John + Smith → John Smith. */
export function contactName(first?: string, last?: string): string | null {
  const parts = [first, last].filter((p): p is string => !!p);
  if (parts.length === 0) return null;
  if (/^[\p{Script=Han}·]+$/u.test(parts.join(''))) return `${last ?? ''}${first ?? ''}`;
  return parts.join(' ');
}

/**
 * A client's service request becomes a demand (channel open311) at the key's node, or at the
 * node named by `address_id` inside it, through the one intake every channel shares: routed,
 * numbered, audited and announced to the community in the same transaction.
 */
export async function createPublicRequest(ctx: AppContext, key: ApiKey, input: PostedRequest, meta: { ip: string; locale: Locale }) {
  if ((input.lat === undefined) !== (input.long === undefined)) throw new Open311Error(400, 'open311.latLongPair');
  if (input.lat === undefined && !input.address_string && !input.address_id) throw new Open311Error(400, 'open311.locationRequired');
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (phone && !isValidPhone(phone)) throw invalid('phone', 'open311.phone');
  return ctx.db.transaction(async (tx) => {
    const category = await activeCategory(tx, key.districtId, input.service_code);
    if (!category) throw new Open311Error(404, 'open311.serviceNotFound', { code: input.service_code });
    const place = input.address_id ? await placeByCode(tx, input.address_id, key.path) : { id: key.territoryId, path: key.path };
    if (!place) throw new Open311Error(400, 'open311.addressIdNotFound', { code: input.address_id });
    if (idsOfPath(place.path).length < 3) throw new Open311Error(400, 'open311.placeAboveCommunity');
    const row = await createDemand(tx, ctx.pii, { system: `Open311：${key.name}`, ip: meta.ip, accountId: key.createdBy }, {
      territoryId: place.id,
      categoryId: category.id,
      channel: 'open311',
      description: input.description,
      address: input.address_string ?? null,
      lat: input.lat ?? null,
      lng: input.long ?? null,
      contactName: contactName(input.first_name, input.last_name),
      contactPhone: phone,
      mediaUrl: input.media_url ?? null,
    });
    const [community] = await tx.select({ name: territory.name }).from(territory).where(eq(territory.id, row.communityId));
    return {
      service_request_id: row.no,
      service_notice: t(meta.locale, 'open311.notice', { community: community!.name, days: category.deadlineDays }),
      account_id: null,
    };
  });
}
