import { List, Text } from '@mantine/core';
import { clerkMessages as m } from './messages';

/** The password rules, shown beside every field where a new password is chosen. */
export function PasswordPolicyHint() {
  return (
    <div>
      <Text size="sm" fw={500}>
        {m.policy.title}
      </Text>
      <List size="sm" c="dimmed" spacing={2}>
        {m.policy.rules.map((rule) => (
          <List.Item key={rule}>{rule}</List.Item>
        ))}
      </List>
    </div>
  );
}
