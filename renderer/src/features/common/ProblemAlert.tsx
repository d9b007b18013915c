import { Alert } from '@mantine/core';

/** What stopped the clerk (a refusal, a failed write), announced to screen readers; nothing while there is none. */
export function ProblemAlert(props: { problem: string | null }) {
  if (props.problem === null) return null;
  return (
    <Alert color="red" role="alert">
      {props.problem}
    </Alert>
  );
}
