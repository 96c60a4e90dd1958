import { Alert, Button, FileInput, Stack, Text, TextInput } from '@mantine/core';
import { IconBuildingBank, IconCircleCheck, IconPaperclip } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { PROOF_MAX_BYTES, PROOF_TYPES } from '../../../contracts/payments';
import { submitErrors } from '../../app/form-errors';
import { ButtonLink } from '../../components/router-links';
import { useSubmitOfflinePayment } from './payments-api';

const FIELDS = ['reference', 'proof', 'planId'] as const;

/** Offline payment: the transfer reference and a proof file; the server checks the file by its content. */
export function OfflinePaymentForm({ planId }: { planId: string }) {
  const submit = useSubmitOfflinePayment();
  const [reference, setReference] = useState('');
  const [proof, setProof] = useState<File | null>(null);
  const [local, setLocal] = useState<{ reference?: string; proof?: string }>({});

  if (submit.isSuccess) {
    return (
      <Stack gap="sm" role="status">
        <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />}>
          <Text size="sm" fw={500}>
            Payment submitted. We&apos;ll email you once an admin has checked it.
          </Text>
        </Alert>
        <ButtonLink to="/payments" variant="light" fullWidth>
          Go to Payments
        </ButtonLink>
      </Stack>
    );
  }

  const errors = submitErrors(submit.error, FIELDS);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof local = {};
    if (!reference.trim()) problems.reference = 'Enter the transfer reference.';
    else if (reference.trim().length > 120) problems.reference = 'At most 120 characters.';
    if (!proof) problems.proof = 'Attach the proof of payment.';
    else if (proof.size > PROOF_MAX_BYTES) problems.proof = 'The file is larger than 5 MB.';
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !proof) return;
    submit.mutate({ planId, reference: reference.trim(), proof });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Transfer reference"
          required
          maxLength={120}
          value={reference}
          onChange={(event) => setReference(event.currentTarget.value)}
          error={local.reference ?? errors.fields.reference}
        />
        <FileInput
          label="Proof of payment"
          description="JPEG, PNG, WebP or PDF, up to 5 MB."
          placeholder="Choose a file"
          required
          clearable
          accept={PROOF_TYPES.join(',')}
          leftSection={<IconPaperclip size={16} />}
          value={proof}
          onChange={setProof}
          error={local.proof ?? errors.fields.proof}
        />
        {(errors.general ?? errors.fields.planId) && (
          <Alert color="red" variant="light">
            {errors.general ?? errors.fields.planId}
          </Alert>
        )}
        <Button type="submit" fullWidth loading={submit.isPending} leftSection={<IconBuildingBank size={18} />}>
          Submit offline payment
        </Button>
      </Stack>
    </form>
  );
}
