import { PlaceholderPage } from '../shell/PlaceholderPage';
import { dayCloseMessages as m } from './messages';

export function DayClosePage() {
  return <PlaceholderPage title={m.title} summary={m.summary} upcoming={m.upcoming} />;
}
