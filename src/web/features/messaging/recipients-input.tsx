import { Button, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { CAMPAIGN_MAX_RECIPIENTS, createCampaignBody } from '../../../contracts/messaging';
import { formatCount } from './messaging-labels';
import { readTextFile } from './read-text-file';
import { countFilledLines, withoutByteOrderMark } from './recipient-lines';

// The contract's cap on the field; a file can be refused before it is read into the page.
const MAX_CHARS = createCampaignBody.shape.recipients.maxLength ?? Number.POSITIVE_INFINITY;

interface RecipientsInputProps {
  value: string;
  error?: string;
  onChange: (text: string) => void;
}

/** The campaign's numbers: typed or pasted one per line, or read from a .csv/.txt file into the same field. */
export function RecipientsInput({ value, error, onChange }: RecipientsInputProps) {
  // The file stays named only while the field still holds what was read from it (an edit or a reset drops it).
  const [loaded, setLoaded] = useState<{ name: string; text: string } | null>(null);
  const file = loaded && loaded.text === value ? loaded : null;
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const lines = useMemo(() => countFilledLines(value), [value]);

  const pick = (picked: File | null) => {
    if (!picked) return;
    setFileError(null);
    // Bytes ≥ characters, so a file within the cap always fits the field.
    if (picked.size > MAX_CHARS) {
      setFileError(`${picked.name} is larger than ${formatCount(Math.floor(MAX_CHARS / 1_000_000))} MB. Split the list into several campaigns.`);
      return;
    }
    setReading(true);
    readTextFile(picked).then(
      (raw) => {
        const text = withoutByteOrderMark(raw);
        onChange(text);
        setLoaded({ name: picked.name, text });
        setReading(false);
      },
      () => {
        setFileError(`${picked.name} could not be read. Save it as CSV or plain text and try again.`);
        setReading(false);
      },
    );
  };

  return (
    <Stack gap={6}>
      <Textarea
        label="Recipients"
        description="One number per line in international format, or a CSV whose first column holds the number. A header row is skipped."
        placeholder={'+97336123456\n+97336123457'}
        withAsterisk
        autosize
        minRows={5}
        maxRows={10}
        value={value}
        error={error ?? fileError}
        onChange={(event) => onChange(event.currentTarget.value)}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Group justify="space-between" gap="xs">
        <FileButton onChange={pick} accept=".csv,.txt,text/csv,text/plain">
          {(props) => (
            <Button {...props} variant="default" size="xs" leftSection={<IconUpload size={14} />} loading={reading}>
              Upload CSV
            </Button>
          )}
        </FileButton>
        <Group gap={6} wrap="nowrap" data-testid="recipients-count">
          {file && <IconFileSpreadsheet size={14} aria-hidden />}
          <Text size="xs" c={lines > CAMPAIGN_MAX_RECIPIENTS ? 'orange' : 'dimmed'}>
            {file ? `${file.name}: ` : ''}
            {formatCount(lines)} {lines === 1 ? 'line' : 'lines'}
            {lines > CAMPAIGN_MAX_RECIPIENTS ? ` — a campaign takes at most ${formatCount(CAMPAIGN_MAX_RECIPIENTS)} recipients` : ''}
          </Text>
        </Group>
      </Group>
    </Stack>
  );
}
