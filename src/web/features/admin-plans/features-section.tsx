import { ActionIcon, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { EditorSection } from './editor-section';
import type { PlanForm } from './use-plan-form';

const MAX_FEATURES = 30;

function moved(list: string[], index: number, direction: -1 | 1): string[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(index + direction, 0, item);
  return next;
}

export function FeaturesSection({ form }: { form: PlanForm }) {
  const features = form.values.features;
  const [draft, setDraft] = useState('');
  const isFull = features.length >= MAX_FEATURES;

  const add = () => {
    const text = draft.trim();
    if (!text || isFull) return;
    form.setFeatures([...features, text]);
    setDraft('');
  };
  const onDraftKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the feature instead of submitting the whole plan.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };

  return (
    <EditorSection id="plan-features-title" title="Features" description="Shown as bullets on the pricing card, in this order.">
      <Stack gap="xs">
        {features.length === 0 && (
          <Text size="sm" c="dimmed">
            No features yet.
          </Text>
        )}
        {features.map((feature, index) => (
          <Group key={index} gap={6} wrap="nowrap" align="flex-start">
            <TextInput
              aria-label={`Feature ${index + 1}`}
              value={feature}
              maxLength={160}
              error={form.errors[`features.${index}`]}
              onChange={(event) => form.setFeatures(features.map((item, at) => (at === index ? event.currentTarget.value : item)))}
              style={{ flex: 1 }}
            />
            <Tooltip label="Move up">
              <ActionIcon variant="default" size="input-sm" aria-label={`Move feature ${index + 1} up`} disabled={index === 0} onClick={() => form.setFeatures(moved(features, index, -1))}>
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down">
              <ActionIcon
                variant="default"
                size="input-sm"
                aria-label={`Move feature ${index + 1} down`}
                disabled={index === features.length - 1}
                onClick={() => form.setFeatures(moved(features, index, 1))}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove">
              <ActionIcon
                variant="subtle"
                color="red"
                size="input-sm"
                aria-label={`Remove feature ${index + 1}`}
                onClick={() => form.setFeatures(features.filter((_, at) => at !== index))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
        {form.errors.features && (
          <Text size="sm" c="red">
            {form.errors.features}
          </Text>
        )}
        <Group gap={6} wrap="nowrap" align="flex-end" mt="xs">
          <TextInput
            label="New feature"
            placeholder="e.g. Priority support"
            maxLength={160}
            value={draft}
            disabled={isFull}
            description={isFull ? `A plan can list up to ${MAX_FEATURES} features.` : undefined}
            onChange={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={onDraftKey}
            style={{ flex: 1 }}
          />
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add} disabled={!draft.trim() || isFull}>
            Add
          </Button>
        </Group>
      </Stack>
    </EditorSection>
  );
}
