import type { DeskIdentity } from '../../domain/desk';
import { ConfirmIrreversibleModal } from '../common/ConfirmIrreversibleModal';
import { settingsMessages } from './messages';

const m = settingsMessages.deskIdentity;

/** Asks the admin to confirm the hall and desk codes (null: closed), which can never be changed once saved. */
export function ConfirmDeskCodes(props: { codes: DeskIdentity | null; confirmLabel: string; busy?: boolean; onConfirm: (codes: DeskIdentity) => void; onCancel: () => void }) {
  const { codes } = props;
  return (
    <ConfirmIrreversibleModal
      opened={codes !== null}
      title={m.confirmTitle}
      values={codes ? m.confirmValues(codes.hallCode, codes.deskCode) : []}
      consequence={codes ? m.confirmConsequence(codes.hallCode, codes.deskCode) : ''}
      confirmLabel={props.confirmLabel}
      busy={props.busy ?? false}
      onConfirm={() => codes && props.onConfirm(codes)}
      onCancel={props.onCancel}
    />
  );
}
