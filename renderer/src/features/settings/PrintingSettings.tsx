import { can } from '../../domain/clerks/permissions';
import { useClerk } from '../clerks/ClerkContext';
import { AgencySection } from './AgencySection';
import { CalibrationSection } from './CalibrationSection';
import { PrinterDefaultsSection } from './PrinterDefaultsSection';

/** The printing parts of 设置, each shown only to the role that may change it. */
export function PrintingSettings() {
  const { role } = useClerk();
  return (
    <>
      {can(role, 'settings.manage') && <AgencySection />}
      {can(role, 'printers.manage') && <PrinterDefaultsSection />}
      {can(role, 'printer.calibrate') && <CalibrationSection />}
    </>
  );
}
