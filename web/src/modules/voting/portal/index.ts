export { OwnerVotesEntry, OwnerVotesPage } from './OwnerVotesPage';
