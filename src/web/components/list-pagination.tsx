import { Group, Pagination, Text } from '@mantine/core';
import { pageCount, pageSummary, type PageInfo } from './page-summary';

interface ListPaginationProps {
  /** The current page of results; nothing shows until it has loaded, nor when the list is empty. */
  data: PageInfo | undefined;
  /** The page the pager marks as current. */
  page: number;
  onPageChange: (page: number) => void;
  /** What the rows are, for "Showing 1–20 of 45 leads". */
  noun: { one: string; many: string };
  /** The pager's accessible name, e.g. "Lead pages". */
  label: string;
  testId?: string;
  /** 'range' reads "Showing 1–20 of 45 leads"; 'count' only "45 notices". */
  summary?: 'range' | 'count';
  /** 'below' sits under a list card; 'inside' closes a card, with a rule above it. */
  placement?: 'below' | 'inside';
}

/** The footer of a paged admin list: what is shown out of how many, and the pager when there is more than a page. */
export function ListPagination({ data, page, onPageChange, noun, label, testId, summary = 'range', placement = 'below' }: ListPaginationProps) {
  if (!data || data.total === 0) return null;
  const pages = pageCount(data);
  const frame =
    placement === 'inside' ? { p: 'md', style: { borderTop: '1px solid var(--mantine-color-default-border)' } } : { mt: 'md' };
  return (
    <Group justify="space-between" gap="sm" {...frame}>
      <Text size="sm" c="dimmed" data-testid={testId}>
        {pageSummary(data, noun, summary)}
      </Text>
      {pages > 1 && <Pagination total={pages} value={page} onChange={onPageChange} size="sm" aria-label={label} />}
    </Group>
  );
}
