export * from './territory.ts';
export * from './people.ts';
export * from './bodies.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './members.ts';
export * from './demands.ts';
export * from './notifications.ts';
