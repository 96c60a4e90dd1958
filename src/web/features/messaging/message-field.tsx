import { Textarea } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { MESSAGE_MAX_LENGTH } from '../../../contracts/messaging';
import { formatCount } from './messaging-labels';

interface MessageFieldProps {
  value: string;
  error?: string;
  onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
}

/** The message text with a running count against WhatsApp's cap, so nobody learns the limit from an error. */
export function MessageField({ value, error, onChange }: MessageFieldProps) {
  return (
    <Textarea
      label="Message"
      placeholder="Write your message"
      withAsterisk
      autosize
      minRows={4}
      maxRows={12}
      maxLength={MESSAGE_MAX_LENGTH}
      value={value}
      error={error}
      onChange={onChange}
      description={`${formatCount(value.length)} / ${formatCount(MESSAGE_MAX_LENGTH)} characters`}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      styles={{ description: { textAlign: 'right', marginTop: 4 } }}
    />
  );
}
