import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { fieldLabel } from './plan-labels';

interface PlanProblemsAlertProps {
  title: string;
  /** Field key → the server's message, e.g. `monthlyPriceMinor` → "A paid plan needs a monthly price." */
  fields: Readonly<Record<string, string>>;
  action?: ReactNode;
  onClose?: () => void;
}

/** Why a plan was refused, field by field, in words the admin knows from the editor. */
export function PlanProblemsAlert({ title, fields, action, onClose }: PlanProblemsAlertProps) {
  const entries = Object.entries(fields);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} />}
      title={title}
      role="alert"
      data-testid="plan-problems"
      withCloseButton={Boolean(onClose)}
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      {entries.length > 0 && (
        <List size="sm" spacing={2}>
          {entries.map(([field, message]) => (
            <List.Item key={field}>
              <Text span fw={600} size="sm">
                {fieldLabel(field)}:
              </Text>{' '}
              {message}
            </List.Item>
          ))}
        </List>
      )}
      {action}
    </Alert>
  );
}
