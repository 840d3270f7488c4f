import type { Pii } from '../../core/pii.ts';
import { maskName, maskPhone } from '../../core/pii.ts';
import type { Db } from '../../db/client.ts';
import { mediationCase, mediationParty } from '../../db/schema/deliberation.ts';
import type { Node } from '../../demo/factories.ts';
import { idsOfPath } from '../territory/rules.ts';

let serial = 0;

/** A case written directly at a node, with an applicant and a respondent named by name and phone. */
export async function makeCase(db: Db, pii: Pii, node: Node, o: Partial<typeof mediationCase.$inferInsert> = {}) {
  const [m] = await db.insert(mediationCase).values({
    no: `TJ-T-${process.pid}-${++serial}`, districtId: idsOfPath(node.path)[0]!, territoryId: node.id, path: node.path,
    kind: 'neighbour', title: '楼上漏水纠纷', ...o,
  }).returning();
  const parties = await db.insert(mediationParty).values([
    { caseId: m!.id, side: 'applicant' as const, nameEnc: pii.encrypt('张三丰'), nameMasked: maskName('张三丰'), phoneEnc: pii.encrypt('13812345678'), phoneMasked: maskPhone('13812345678') },
    { caseId: m!.id, side: 'respondent' as const, nameEnc: pii.encrypt('李四'), nameMasked: maskName('李四') },
  ]).returning();
  return { case: m!, parties };
}
