export { ChartersPage } from './ChartersPage';
export { CharterPage } from './CharterPage';
