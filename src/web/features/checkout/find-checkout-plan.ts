import { useQuery } from '@tanstack/react-query';
import { pricingQueryOptions } from '../pricing/list-pricing';
import { publicPricingQueryOptions } from '../pricing/list-public-pricing';

/**
 * The plan being bought. In-app pricing comes first (it carries the person's own request type); a plan shown only
 * on the landing page is not in that list, so a visitor who signed up from there finds it in the public one.
 */
export function useCheckoutPlan(planId: string) {
  const member = useQuery(pricingQueryOptions);
  const inApp = member.data?.plans.find((plan) => plan.id === planId);
  const needsPublic = member.isSuccess && !inApp;
  const visitor = useQuery({ ...publicPricingQueryOptions, enabled: needsPublic });
  const landingOnly = visitor.data?.plans.find((plan) => plan.id === planId);
  const failed = member.isError ? member : needsPublic && visitor.isError ? visitor : null;

  return {
    plan: inApp ?? landingOnly ?? null,
    isLoading: member.isPending || (needsPublic && visitor.isPending),
    error: failed?.error ?? null,
    retrying: member.isFetching || visitor.isFetching,
    retry: () => void (member.isError ? member.refetch() : visitor.refetch()),
  };
}
