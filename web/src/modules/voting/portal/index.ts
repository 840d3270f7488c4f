export { OwnerVotesEntry, OwnerVotesPage } from './OwnerVotesPage';
export { OwnerMatterPage } from './OwnerMatterPage';
