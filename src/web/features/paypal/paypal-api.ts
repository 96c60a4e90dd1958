import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { okBody } from '../../../contracts/common';
import {
  paypalReturnReply,
  paypalSubscriptionList,
  startPayPalCheckoutReply,
} from '../../../contracts/paypal';
import { apiRequest } from '../../app/api-client';
import { meQueryOptions } from '../../app/me-query';

export const paypalSubscriptionsQueryOptions = queryOptions({
  queryKey: ['payments', 'paypal'] as const,
  queryFn: ({ signal }) => apiRequest('/api/payments/paypal/subscriptions', paypalSubscriptionList, { signal }),
});

export function usePayPalSubscriptions() {
  return useQuery(paypalSubscriptionsQueryOptions);
}

/** Creates the subscription on the server and sends the browser to PayPal's approval page. */
export function useStartPayPalCheckout() {
  return useMutation({
    mutationKey: ['payments', 'paypal', 'checkout'],
    mutationFn: (planId: string) => apiRequest('/api/payments/paypal/checkout', startPayPalCheckoutReply, { method: 'POST', body: { planId } }),
    onSuccess: ({ approveUrl }) => window.location.assign(approveUrl),
  });
}

export function finishPayPalReturn(body: { ref: string; subscriptionId?: string }) {
  return apiRequest('/api/payments/paypal/return', paypalReturnReply, { method: 'POST', body });
}

export function cancelPayPalCheckout(ref: string) {
  return apiRequest('/api/payments/paypal/cancel-checkout', okBody, { method: 'POST', body: { ref } });
}

export function useCancelPayPalSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['payments', 'paypal', 'cancel'],
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiRequest(`/api/payments/paypal/subscriptions/${encodeURIComponent(id)}/cancel`, paypalSubscriptionList, {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(paypalSubscriptionsQueryOptions.queryKey, data);
      void queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey });
    },
  });
}
