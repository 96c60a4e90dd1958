import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea, ThemeIcon } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import type { LeadKind } from '../../../contracts/leads';
import { useFormFields } from '../../app/use-form-fields';
import { useCreateLead } from './create-lead';
import { leadFormSchema, localDateTimeInput } from './lead-form-schema';

export interface LeadFormModalProps {
  opened: boolean;
  onClose: () => void;
  kind: LeadKind;
  /** The plan whose button opened the form, or null for a general enquiry. */
  plan: { id: string; name: string } | null;
}

const TITLES: Record<LeadKind, string> = { quote: 'Request a quote', demo: 'Book a demo' };
const SUBMIT_LABELS: Record<LeadKind, string> = { quote: 'Send request', demo: 'Request demo' };
const EMPTY = { name: '', email: '', phone: '', company: '', message: '', preferredAt: '', website: '' };

/** The quote and demo forms of DOMAIN.md "Pricing and calls to action": a lead for the sales team. */
export function LeadFormModal({ opened, onClose, kind, plan }: LeadFormModalProps) {
  const create = useCreateLead();
  const form = useFormFields(EMPTY, create.error);
  const sent = create.isSuccess;

  const close = () => {
    onClose();
    // Start fresh next time, but only after the closing transition so the success text doesn't flash away.
    if (sent) {
      setTimeout(() => {
        create.reset();
        form.reset();
      }, 200);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = form.validate(leadFormSchema(kind, plan?.id ?? null));
    if (!body) return;
    create.mutate(body);
  };

  return (
    <Modal opened={opened} onClose={close} title={TITLES[kind]} centered size="lg">
      {sent ? (
        <Stack align="center" ta="center" gap="sm" py="lg">
          <ThemeIcon size={56} radius="xl" variant="light" color="teal">
            <IconCircleCheck size={32} />
          </ThemeIcon>
          <Text fw={600} size="lg">
            Thanks — we&apos;ll be in touch shortly.
          </Text>
          <Text size="sm" c="dimmed">
            {kind === 'demo' ? 'We will confirm the demo time with you by email or phone.' : 'Our team will send you a tailored quote.'}
          </Text>
          <Button mt="sm" onClick={close} data-autofocus>
            Close
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label={TITLES[kind]}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {plan ? `About the ${plan.name} plan. ` : ''}
              {kind === 'demo'
                ? 'Pick a time that suits you and we will walk you through OmniPlus WA Tracker.'
                : 'Tell us about your needs and we will prepare a quote.'}
            </Text>
            {form.generalError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
                {form.generalError}
              </Alert>
            )}
            <TextInput label="Name" autoComplete="name" withAsterisk data-autofocus {...form.bind('name')} />
            <Group grow align="flex-start" gap="md">
              <TextInput label="Email" type="email" autoComplete="email" withAsterisk {...form.bind('email')} />
              <TextInput
                label="Phone"
                type="tel"
                autoComplete="tel"
                placeholder="+973 3612 3456"
                description="International format with country code"
                withAsterisk
                {...form.bind('phone')}
              />
            </Group>
            <TextInput label="Company" autoComplete="organization" {...form.bind('company')} />
            {kind === 'demo' && (
              <TextInput
                label="Preferred date and time"
                type="datetime-local"
                min={localDateTimeInput(new Date())}
                description="Your local time"
                withAsterisk
                {...form.bind('preferredAt')}
              />
            )}
            <Textarea
              label="Message"
              autosize
              minRows={3}
              maxRows={8}
              value={form.values.message}
              error={form.errors.message}
              onChange={(event) => form.set('message', event.currentTarget.value)}
            />
            {/* Honeypot: off-screen and skipped by keyboard and screen readers, so only bots fill it. */}
            <div aria-hidden="true" style={{ position: 'absolute', left: -10_000, width: 1, height: 1, overflow: 'hidden' }}>
              <label>
                Website
                <input
                  type="text"
                  name="website"
                  tabIndex={-1} autoComplete="off"
                  value={form.values.website}
                  onChange={(event) => form.set('website', event.currentTarget.value)}
                />
              </label>
            </div>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={create.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                {SUBMIT_LABELS[kind]}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
