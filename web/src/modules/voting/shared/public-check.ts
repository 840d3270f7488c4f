/** The address of a matter's public receipt check (核验表决回执), to open on any device without logging in. */
export const publicCheckPath = (matterId: string) => `/votes/${encodeURIComponent(matterId)}/check`;
