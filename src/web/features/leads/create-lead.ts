import { mutationOptions, useMutation } from '@tanstack/react-query';
import type { CreateLeadInput } from '../../../contracts/leads';
import { okBody } from '../../../contracts/common';
import { apiRequest } from '../../app/api-client';

export function createLead(body: CreateLeadInput) {
  return apiRequest('/api/leads', okBody, { method: 'POST', body });
}

export const createLeadMutationOptions = mutationOptions({ mutationKey: ['leads', 'create'], mutationFn: createLead });

export function useCreateLead() {
  return useMutation(createLeadMutationOptions);
}

