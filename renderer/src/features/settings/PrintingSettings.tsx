import { can } from '../../domain/clerks/permissions';
import type { ClerkRole } from '../../domain/clerks/roles';
import { useClerk } from '../clerks/ClerkContext';
import { AgencySection } from './AgencySection';
import { CalibrationSection } from './CalibrationSection';
import { PrinterDefaultsSection } from './PrinterDefaultsSection';

/** Whether the role sees any printing part of 设置. */
export function seesPrintingSettings(role: ClerkRole): boolean {
  return can(role, 'settings.manage') || can(role, 'printers.manage') || can(role, 'printer.calibrate');
}

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
