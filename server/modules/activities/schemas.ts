import { z } from 'zod';

export const categories = ['政策宣传', '环境整治', '助老助残', '文明创建', '法律服务', '邻里互助', '其他'] as const;
export const kinds = ['service', 'volunteer', 'theme_party_day'] as const;

export const when = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
export const boolString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
export const idParams = z.object({ id: z.uuid() });
const text = (max: number) => z.string().trim().max(max);

export const serviceBody = z.object({
  territoryId: z.uuid(),
  category: z.enum(categories),
  title: text(80).min(1),
  description: text(2000).optional(),
  place: text(200).optional(),
});

export const servicePatch = z.object({
  category: z.enum(categories).optional(),
  title: text(80).min(1).optional(),
  description: text(2000).optional(),
  place: text(200).optional(),
  retired: z.boolean().optional(),
});

export const activityBody = z.object({
  territoryId: z.uuid(),
  kind: z.enum(kinds),
  serviceId: z.uuid().optional(),
  title: text(80).min(1).optional(),
  description: text(2000).optional(),
  place: text(200).optional(),
  startsAt: when,
  endsAt: when,
  capacity: z.number().int().min(1).max(10_000),
  cancelDeadline: when.optional(),
});

export const activityPatch = z.object({
  title: text(80).min(1).optional(),
  description: text(2000).optional(),
  place: text(200).optional(),
  startsAt: when.optional(),
  endsAt: when.optional(),
  capacity: z.number().int().min(1).max(10_000).optional(),
  cancelDeadline: when.optional(),
});

export const activityQuery = z.object({
  territoryId: z.uuid().optional(),
  from: when.optional(),
  to: when.optional(),
  kind: z.enum(kinds).optional(),
  state: z.enum(['published', 'cancelled', 'finished']).optional(),
});

export const codeBody = z.object({ code: z.string().trim().min(1).max(16) });
