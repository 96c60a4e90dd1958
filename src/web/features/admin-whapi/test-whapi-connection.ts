import { useMutation, useQueryClient } from '@tanstack/react-query';
import { testConnectionBody } from '../../../contracts/whapi-settings';
import { apiRequest } from '../../app/api-client';
import { whapiProjectsQueryKey } from './list-whapi-projects';
import { settingsChanged } from './whapi-settings-query';

export function testWhapiConnection() {
  return apiRequest('/api/admin/settings/whapi/test', testConnectionBody, { method: 'POST' });
}

export function useTestWhapiConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'whapi', 'test'],
    mutationFn: testWhapiConnection,
    // Pass or fail, the server has just recorded the token's status: refresh the badge and the banner.
    onSettled: (result) => {
      settingsChanged(queryClient);
      if (result) void queryClient.invalidateQueries({ queryKey: whapiProjectsQueryKey });
    },
  });
}
