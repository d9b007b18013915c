import {
  Alert,
  AppShell,
  Drawer,
  Group,
  Kbd,
  Loader,
  MantineProvider,
  Modal,
  NavLink,
  PasswordInput,
  Text,
  Title,
  createTheme,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { HqAuditAlertBanner } from '../audit/HqAuditAlertBanner';
import { RestoredNotice } from '../sync/RestoredNotice';
import { CasesPage } from '../cases/CasesPage';
import { useClerk } from '../clerks/ClerkContext';
import { ClerkGate } from '../clerks/ClerkGate';
import { startReferenceInstall, useReferenceInstall } from '../common/reference';
import { DayClosePage } from '../day-close/DayClosePage';
import { FiguresPage } from '../figures/FiguresPage';
import { useCaseFactsPass } from '../figures/useCaseFactsPass';
import { IntakePage } from '../intake/IntakePage';
import { IssuancePage } from '../issuance/IssuancePage';
import { LedgerPage } from '../ledger/LedgerPage';
import { useLedgerUpkeep } from '../ledger/useLedgerUpkeep';
import { SettingsPage } from '../settings/SettingsPage';
import { SyncEngineProvider } from '../sync/SyncEngineProvider';
import { emptySectionMemory, landingSection, rememberSection } from './landing';
import { shellMessages as m } from './messages';
import { readableColors } from './readableColors';
import { sectionFromHash, sectionIds, sectionLabels, sectionShortcuts, type SectionId } from './sections';
import { StatusBar } from './StatusBar';
import { useBlobSealing } from './useBlobSealing';
import { useBlobRetention } from '../retention/useBlobRetention';
import { useSearchIndexUpkeep } from './useSearchIndexUpkeep';

const theme = createTheme({
  fontFamily: '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif',
  primaryColor: 'indigo',
  // Text on filled controls reads at 4.5:1 or better: a deeper indigo, dark text on yellow and other light fills.
  primaryShade: 7,
  autoContrast: true,
  defaultRadius: 'sm',
  // Mantine's own controls are named in Chinese: the × of every dialog and alert, the password's eye.
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': m.closeDialog } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': m.closeDialog } } }),
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: m.closeAlert } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': m.togglePassword } } }),
  },
});


const pages: Record<SectionId, () => ReactNode> = {
  intake: () => <IntakePage />,
  cases: () => <CasesPage />,
  issuance: () => <IssuancePage />,
  'day-close': () => <DayClosePage />,
  settings: () => <SettingsPage />,
  ledger: () => <LedgerPage />,
  figures: () => <FiguresPage />,
};

export function App() {
  useSearchIndexUpkeep();
  useBlobSealing();
  useBlobRetention();
  useCaseFactsPass();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={readableColors}>
      <SyncEngineProvider>
        <ClerkGate>
          <Desk />
        </ClerkGate>
      </SyncEngineProvider>
    </MantineProvider>
  );
}

/** Who worked at this window and on which screen, for as long as the desk is open (never stored). */
let sectionMemory = emptySectionMemory;

/** The working desk, shown only once a clerk is signed in. */
function Desk() {
  const clerk = useClerk();
  useLedgerUpkeep(clerk);
  // Screens read stored data in live queries, which may not write: the catalogue and calendar are installed first.
  const reference = useReferenceInstall();
  // Started while the clerk signed in; again here after a failure.
  useEffect(startReferenceInstall, []);
  const [section, setSection] = useState<SectionId>(() => landingSection(clerk.id, sectionFromHash(window.location.hash), sectionMemory));

  useEffect(() => {
    sectionMemory = rememberSection(sectionMemory, clerk.id, section);
    // The address follows a landing elsewhere, without a history entry the back key would return to.
    if (sectionFromHash(window.location.hash) !== section) window.history.replaceState(null, '', `#/${section}`);
  }, [clerk.id, section]);

  const go = (next: SectionId) => {
    window.location.hash = `/${next}`;
    setSection(next);
  };

  useEffect(() => {
    const onHash = () => setSection(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useHotkeys(sectionIds.map((id) => [`alt+${sectionShortcuts[id]}`, () => go(id), { preventDefault: true }] as const), []);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 0 }} footer={{ height: 40 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Title order={2} size="h3">
            {m.appName}
          </Title>
          <Text c="dimmed" size="sm">
            {m.appSubtitle}
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={m.navLabel}>
        {sectionIds.map((id) => (
          <NavLink
            key={id}
            component="button"
            label={sectionLabels[id]}
            active={section === id}
            aria-current={section === id ? 'page' : undefined}
            rightSection={<Kbd size="xs">{m.shortcutHint(sectionShortcuts[id])}</Kbd>}
            onClick={() => go(id)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {reference.state === 'installing' ? <Loader size="sm" aria-label={m.referenceLoading} /> : null}
        {reference.state === 'failed' ? (
          <Alert color="red" role="alert">
            {m.referenceFailed(reference.message)}
          </Alert>
        ) : null}
        <HqAuditAlertBanner />
        <RestoredNotice />
        {reference.state === 'installed' ? <PageFocus key={section}>{pages[section]()}</PageFocus> : null}
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
    </AppShell>
  );
}

/** Moves focus to the new page's heading so a keyboard user continues where they are looking. */
function PageFocus(props: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('h1')?.setAttribute('tabindex', '-1');
    ref.current?.querySelector<HTMLElement>('h1')?.focus();
  }, []);
  return <div ref={ref}>{props.children}</div>;
}
