/**
 * The shapes of the authorization matrix (server/core/authz-matrix.test.ts). Each module keeps its
 * routes' cases next to its code (`server/modules/<m>/authz-cases.ts`), gathered in authz-cases.ts.
 */
import type { Node } from '../demo/factories.ts';
import type { TestContext } from './harness.ts';
import type { RoleAccount, Street, TwoStreets } from './two-streets.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Probe {
  method: Method;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** The node of the territory-scoped record the request reaches: decides inside or outside. */
  at?: Node;
  /** A list filtered by scope rather than refused: outside the grant it answers 200 without these ids. */
  hides?: string[];
  /** What "allowed" looks like when it is not a 2xx (a wrong current password still proves the door opened). */
  allowed?: number[];
  /** What "refused" looks like outside, when not 403/404 (an import reports the out-of-scope row). */
  denied?: number[];
  /** Needs a session of its own (logging out ends the one it uses). */
  fresh?: boolean;
}

export interface Fixture extends TwoStreets {
  t: TestContext;
  target: { accountId: string };
  n: () => number;
}

export type Build = (f: Fixture, as: RoleAccount) => Probe | Promise<Probe>;
export interface Case {
  /** The request aimed at street A. */
  inside: Build;
  /** The same request aimed at street B; absent where the route reaches no territory-scoped record. */
  outside?: Build;
}

export const both = (build: (s: Street, f: Fixture, as: RoleAccount) => Probe | Promise<Probe>): Case => ({
  inside: (f, as) => build(f.a, f, as),
  outside: (f, as) => build(f.b, f, as),
});
