import { z } from 'zod';
import { type ballot, type estate, type exclusiveUnit, matterKinds, type voteMatter } from '../../db/schema/voting.ts';
import type { Pii } from '../../core/pii.ts';
import { openReceipt } from './receipts.ts';
import type { Tally } from './tally.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const choice = z.enum(['for', 'against', 'abstain']);
const fraction = z.object({ num: z.number(), den: z.number(), rule: z.enum(['at_least', 'more_than']) });
const conditionName = z.enum(['participation_area', 'participation_owners', 'for_area', 'for_owners']);

export const tallyOut = z.object({
  kind: z.enum(matterKinds), majority: z.enum(['special', 'simple']), verdict: z.enum(['invalid', 'passed', 'failed']),
  totalArea: z.number(), totalOwners: z.number(), participatingArea: z.number(), participatingOwners: z.number(),
  forArea: z.number(), forOwners: z.number(), againstArea: z.number(), againstOwners: z.number(), abstainArea: z.number(), abstainOwners: z.number(),
  conditions: z.array(z.object({ name: conditionName, value: z.number(), of: z.number(), ratio: z.number(), threshold: fraction, met: z.boolean() })),
  failed: z.array(conditionName),
}).describe('areas in hundredths of a square metre; a condition is met when value/of reaches the threshold, compared exactly');

export const estateOut = z.object({
  id: z.string(), name: z.string(), territoryId: z.string(), territoryName: z.string(), ballotsChangeable: z.boolean(),
  units: z.number(), owners: z.number().describe('owners as the law counts them'), area: z.number().describe('hundredths of a square metre'),
  openMatters: z.number(), createdAt: z.string(),
});

export function presentEstate(r: { e: typeof estate.$inferSelect; territoryName: string; units: number; owners: number; area: number; openMatters: number }): z.infer<typeof estateOut> {
  return {
    id: r.e.id, name: r.e.name, territoryId: r.e.territoryId, territoryName: r.territoryName, ballotsChangeable: r.e.ballotsChangeable,
    units: r.units, owners: r.owners, area: r.area, openMatters: r.openMatters, createdAt: r.e.createdAt.toISOString(),
  };
}

export const unitOut = z.object({
  id: z.string(), label: z.string(), area: z.number(), areaSource: z.enum(['registered', 'surveyed', 'contract']),
  registeredArea: z.number().nullable(), surveyedArea: z.number().nullable(), contractArea: z.number().nullable(),
  owner: z.object({ id: z.string(), name: z.string().describe('masked (张*丰)'), isDeveloper: z.boolean(), linked: z.boolean().describe('the owner is a person on the platform and can vote with their account') }),
});

export function presentUnit(r: { u: typeof exclusiveUnit.$inferSelect; o: { id: string; nameMasked: string; isDeveloper: boolean; personId: string | null } }): z.infer<typeof unitOut> {
  const { u, o } = r;
  const areaSource = u.registeredArea !== null ? 'registered' : u.surveyedArea !== null ? 'surveyed' : 'contract';
  return {
    id: u.id, label: u.label, area: u.registeredArea ?? u.surveyedArea ?? u.contractArea ?? 0, areaSource,
    registeredArea: u.registeredArea, surveyedArea: u.surveyedArea, contractArea: u.contractArea,
    owner: { id: o.id, name: o.nameMasked, isDeveloper: o.isDeveloper, linked: o.personId !== null },
  };
}

const matterFields = {
  id: z.string(), estateId: z.string(), kind: z.enum(matterKinds), title: z.string(), description: z.string(),
  state: z.enum(['draft', 'open', 'closed']), opensAt: z.string().nullable(), closesAt: z.string().nullable(), closedAt: z.string().nullable(),
  result: tallyOut.nullable().describe('the tally frozen when the vote closed'),
};
export const matterOut = z.object({ ...matterFields, ballots: z.number() });

const matterBase = (m: typeof voteMatter.$inferSelect) => ({
  id: m.id, estateId: m.estateId, kind: m.kind, title: m.title, description: m.description, state: m.state,
  opensAt: iso(m.opensAt), closesAt: iso(m.closesAt), closedAt: iso(m.closedAt), result: (m.result as Tally | null) ?? null,
});

export const presentMatter = (r: { m: typeof voteMatter.$inferSelect; ballots: number }): z.infer<typeof matterOut> => ({ ...matterBase(r.m), ballots: r.ballots });

export const ballotOut = z.object({ choice, receipt: z.string().describe('the receipt code, shown only to the ballot’s owner'), changes: z.number(), castAt: z.string(), updatedAt: z.string() });
export const presentBallot = (r: { b: typeof ballot.$inferSelect; receipt: string }): z.infer<typeof ballotOut> => ({
  choice: r.b.choice, receipt: r.receipt, changes: r.b.changes, castAt: r.b.castAt.toISOString(), updatedAt: r.b.updatedAt.toISOString(),
});

export const myMatterOut = z.object({
  ...matterFields, estateName: z.string(), ballotsChangeable: z.boolean(),
  myBallot: ballotOut.nullable().describe('the caller’s own ballot: only its owner sees it'),
});

export function presentMyMatter(pii: Pii, r: { m: typeof voteMatter.$inferSelect; e: typeof estate.$inferSelect; b: typeof ballot.$inferSelect | null }): z.infer<typeof myMatterOut> {
  return { ...matterBase(r.m), estateName: r.e.name, ballotsChangeable: r.e.ballotsChangeable, myBallot: r.b ? presentBallot({ b: r.b, receipt: openReceipt(pii, r.b) }) : null };
}

export const receiptOut = z.object({
  counted: z.literal(true), matterTitle: z.string(), estateName: z.string(), matterState: z.enum(['open', 'closed']),
  mine: z.boolean(), choice: choice.nullable().describe('only when the ballot is the caller’s own'),
});
