import { Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CaseCommandInput } from '../../../domain/cases/caseCommands';
import { missingRequired, type DecisionChecklistItem } from '../../../domain/cases/decisionChecklist';
import { TextField } from '../../common/TextField';
import { casesMessages } from '../messages';
import { ProblemAlert } from '../../common/ProblemAlert';

const m = casesMessages.decisions;

export interface NoticeModalProps {
  opened: boolean;
  checklist: readonly DecisionChecklistItem[];
  busy: boolean;
  problem: string | null;
  onClose: () => void;
  onSubmit: (input: Extract<CaseCommandInput, { type: 'issueCorrectionNotice' }>) => Promise<unknown>;
}

/**
 * 一次性告知: every missing required material is on the notice and cannot be taken off (the applicant must
 * learn of everything at once), each with what exactly to bring when the catalogue's requirement is not
 * enough; materials that were handed in but need correcting may be added, each with what is wrong.
 */
export function NoticeModal(props: NoticeModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={m.notice.title} size="lg">
      {props.opened ? <NoticeForm {...props} /> : null}
    </Modal>
  );
}

function NoticeForm(props: NoticeModalProps) {
  const missing = missingRequired(props.checklist);
  const received = props.checklist.filter((item) => item.status === 'received');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string[]>([]);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void props.onSubmit({
          type: 'issueCorrectionNotice',
          items: [
            ...missing.map((item) => ({ materialKey: item.materialKey, problem: problems[item.materialKey] ?? '' })),
            ...added.map((key) => ({ materialKey: key, problem: problems[key] ?? '' })),
          ],
        });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{m.notice.intro}</Text>
        <Text size="sm" fw={600}>
          {m.notice.missing}
        </Text>
        {missing.length === 0 ? (
          <Text size="sm" c="dimmed">
            {m.notice.noMissing}
          </Text>
        ) : (
          <List spacing="sm" aria-label={m.notice.missing}>
            {missing.map((item) => (
              <List.Item key={item.materialKey}>
                <Stack gap={4}>
                  <Text size="sm">{item.name}</Text>
                  <TextField
                    label={m.notice.problem(item.name)}
                    description={m.notice.missingProblemHint}
                    placeholder={m.notice.missingProblemPlaceholder}
                    value={problems[item.materialKey] ?? ''}
                    onChange={(value) => setProblems((current) => ({ ...current, [item.materialKey]: value }))}
                    max={200}
                  />
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
        {received.length > 0 ? (
          <Checkbox.Group label={m.notice.addReceived} value={added} onChange={setAdded}>
            <Stack gap={6} mt={4}>
              {received.map((item) => (
                <Stack key={item.materialKey} gap={4}>
                  <Checkbox value={item.materialKey} label={item.name} />
                  {added.includes(item.materialKey) ? (
                    <TextField
                      label={m.notice.problem(item.name)}
                      value={problems[item.materialKey] ?? ''}
                      onChange={(value) => setProblems((current) => ({ ...current, [item.materialKey]: value }))}
                      max={200}
                      required
                    />
                  ) : null}
                </Stack>
              ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
        <ProblemAlert problem={props.problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {m.cancel}
          </Button>
          <Button type="submit" loading={props.busy}>
            {m.notice.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
