import { PlaceholderPage } from '../shell/PlaceholderPage';
import { casesMessages as m } from './messages';

export function CasesPage() {
  return <PlaceholderPage title={m.title} summary={m.summary} upcoming={m.upcoming} />;
}
