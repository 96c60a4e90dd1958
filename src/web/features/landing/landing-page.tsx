import { Box } from '@mantine/core';
import { LandingFeatures } from './landing-features';
import { LandingFooter } from './landing-footer';
import { LandingHeader } from './landing-header';
import { LandingHero } from './landing-hero';
import { LandingPricing } from './landing-pricing';
import { LandingSteps } from './landing-steps';

export function LandingPage() {
  return (
    <Box>
      <LandingHeader />
      <main>
        <LandingHero />
        <LandingFeatures />
        <LandingSteps />
        <LandingPricing />
      </main>
      <LandingFooter />
    </Box>
  );
}
