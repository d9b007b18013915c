import { PlaceholderPage } from '../shell/PlaceholderPage';
import { intakeMessages as m } from './messages';

export function IntakePage() {
  return <PlaceholderPage title={m.title} summary={m.summary} upcoming={m.upcoming} />;
}
