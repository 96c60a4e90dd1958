import { Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { USER_PAGES, type UserPage } from '../../../domain/pages';
import { EditorSection } from './editor-section';
import type { PlanForm } from './use-plan-form';

const PAGE_LABELS: Record<UserPage, string> = {
  dashboard: 'Dashboard',
  channels: 'Channels',
  send: 'Send message',
  bulk: 'Bulk messages',
  templates: 'Templates',
  workflows: 'Workflows',
  chatbot: 'Chatbot',
  outbox: 'Outbox',
  logs: 'Logs',
  balances: 'Balances',
};

// spec 004: page_access also carries `admin` and `whapi`; for users they are always false, so the editor shows
// them as fixed rows rather than switches that would do nothing.
const ADMIN_ROWS = ['Admin console', 'WHAPI settings'] as const;
const ADMIN_ONLY = 'Never granted to users — admin only';

export function PageAccessSection({ form }: { form: PlanForm }) {
  const access = form.values.pageAccess;
  const allowed = USER_PAGES.filter((page) => access[page]).length;
  return (
    <EditorSection
      id="plan-pages-title"
      title="Page access"
      description="The pages customers on this plan can open. Pricing, Payments and Account are always available."
    >
      <Group gap="xs" mb="sm">
        <Text size="sm" c="dimmed" mr="auto">
          {allowed} of {USER_PAGES.length} pages
        </Text>
        <Button size="compact-sm" variant="subtle" onClick={() => form.setPages(USER_PAGES, true)} disabled={allowed === USER_PAGES.length}>
          Allow all
        </Button>
        <Button size="compact-sm" variant="subtle" color="gray" onClick={() => form.setPages(USER_PAGES, false)} disabled={allowed === 0}>
          Clear
        </Button>
      </Group>
      <Table verticalSpacing={6} aria-label="Page access" withRowBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Page</Table.Th>
            <Table.Th w={90} ta="center">
              Allowed
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {USER_PAGES.map((page) => (
            <Table.Tr key={page}>
              <Table.Td>
                <Text size="sm" component="label" htmlFor={`page-${page}`}>
                  {PAGE_LABELS[page]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Checkbox
                  id={`page-${page}`}
                  aria-label={PAGE_LABELS[page]}
                  checked={access[page]}
                  onChange={(event) => form.setPages([page], event.currentTarget.checked)}
                  styles={{ body: { justifyContent: 'center' } }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
          {ADMIN_ROWS.map((label) => (
            <Table.Tr key={label}>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {label}
                </Text>
                <Text size="xs" c="dimmed">
                  {ADMIN_ONLY}
                </Text>
              </Table.Td>
              <Table.Td>
                <Checkbox aria-label={`${label} (${ADMIN_ONLY})`} checked={false} disabled readOnly styles={{ body: { justifyContent: 'center' } }} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {form.errors.pageAccess && (
        <Text size="sm" c="red" mt="xs">
          {form.errors.pageAccess}
        </Text>
      )}
    </EditorSection>
  );
}
