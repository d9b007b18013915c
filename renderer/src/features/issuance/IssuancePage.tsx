import { PlaceholderPage } from '../shell/PlaceholderPage';
import { issuanceMessages as m } from './messages';

export function IssuancePage() {
  return <PlaceholderPage title={m.title} summary={m.summary} upcoming={m.upcoming} />;
}
