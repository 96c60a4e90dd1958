import { Checkbox, Stack, Table, Text } from '@mantine/core';
import { USER_PAGES } from '../../../domain/pages';
import { OverriddenMark } from './overridden-badge';
import { USER_PAGE_LABELS } from './user-labels';
import type { OverridesForm } from './use-overrides-form';

/** Page access checkboxes for the user pages (spec 004 §3); an explicit "off" can take a plan's page away. */
export function PageOverrideFields({ form }: { form: OverridesForm }) {
  if (!form.values) return null;
  const values = form.values;
  return (
    <Table verticalSpacing={6} aria-label="Page access overrides">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Page</Table.Th>
          <Table.Th w={72}>Plan</Table.Th>
          <Table.Th w={72} ta="center">
            Allowed
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {USER_PAGES.map((page) => {
          const label = USER_PAGE_LABELS[page];
          return (
            <Table.Tr key={page} data-testid={`page-${page}`}>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="sm" component="label" htmlFor={`override-page-${page}`}>
                    {label}
                  </Text>
                  {form.isPageOverridden(page) && (
                    <OverriddenMark
                      label={label}
                      planValue={form.planPage(page) ? 'allowed' : 'off'}
                      onReset={() => form.resetPage(page)}
                    />
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {form.plan ? (form.planPage(page) ? 'Allowed' : 'Off') : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Checkbox
                  id={`override-page-${page}`}
                  aria-label={label}
                  checked={values.pages[page]}
                  onChange={(event) => form.setPage(page, event.currentTarget.checked)}
                  styles={{ body: { justifyContent: 'center' } }}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
