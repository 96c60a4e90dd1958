import { Button, Tooltip, type ButtonProps } from '@mantine/core';
import type { ButtonHTMLAttributes, MouseEvent } from 'react';

type GuardedButtonProps = ButtonProps &
  Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'color' | 'style'> & {
    /** Why the action is not available yet; the button then looks disabled and explains itself on hover/focus. */
    blockedReason?: string | null;
  };

/**
 * A truly disabled button gets no hover or focus, so its tooltip could never show. A blocked button stays
 * focusable, is marked aria-disabled and ignores clicks (Mantine's recipe for "disabled button with tooltip").
 */
export function GuardedButton({ blockedReason, onClick, ...props }: GuardedButtonProps) {
  if (!blockedReason) return <Button onClick={onClick} {...props} />;
  const ignore = (event: MouseEvent<HTMLButtonElement>) => event.preventDefault();
  return (
    <Tooltip label={blockedReason} multiline maw={280}>
      <Button {...props} data-disabled aria-disabled onClick={ignore} />
    </Tooltip>
  );
}
