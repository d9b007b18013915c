import { can } from '../../domain/clerks/permissions';
import { AccountsSection } from './AccountsSection';
import { useClerk } from './ClerkContext';
import { IdleLockSection } from './IdleLockSection';
import { OwnPasswordSection } from './OwnPasswordSection';

/** The clerk-related parts of 设置, each shown only to the roles that may use it. */
export function ClerkSettings() {
  const { role } = useClerk();
  return (
    <>
      <OwnPasswordSection />
      {can(role, 'settings.manage') && <IdleLockSection />}
      {can(role, 'clerks.manage') && <AccountsSection />}
    </>
  );
}
