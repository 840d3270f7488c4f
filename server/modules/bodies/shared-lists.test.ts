/**
 * The web keeps its own copy of the body kinds and positions (it cannot import the database schema).
 * The two must name the same kinds and positions in the same order — the order is the order of the
 * pickers and of the statistics.
 */
import { describe, expect, it } from 'vitest';
import { bodyKinds, positions } from '../../db/schema/bodies.ts';
import { BODY_KINDS, POSITIONS } from '../../../web/src/app/types.ts';

describe('body kinds and positions shared by server and web', () => {
  it('the web lists exactly the body kinds of the schema, in its order', () => {
    expect([...BODY_KINDS]).toEqual([...bodyKinds]);
  });

  it('the web lists exactly the positions of the schema, in its order', () => {
    expect([...POSITIONS]).toEqual([...positions]);
  });
});
