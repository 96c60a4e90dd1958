import { Group, Text, ThemeIcon, type MantineBreakpoint } from '@mantine/core';
import { IconBrandWhatsapp } from '@tabler/icons-react';

interface BrandLogoProps {
  /** Below this width only "OmniPlus" is shown, so a 375 px phone header still fits its buttons. */
  shortBelow?: MantineBreakpoint;
}

export function BrandLogo({ shortBelow }: BrandLogoProps) {
  return (
    <Group gap={10} wrap="nowrap">
      <ThemeIcon size={34} radius="md" variant="gradient" gradient={{ from: 'teal.6', to: 'green.5', deg: 135 }} aria-hidden>
        <IconBrandWhatsapp size={22} stroke={1.8} />
      </ThemeIcon>
      <Text fw={800} fz="lg" lh={1.1} style={{ whiteSpace: 'nowrap', letterSpacing: '-0.01em' }}>
        OmniPlus
        <Text span c="teal" inherit visibleFrom={shortBelow}>
          {' '}
          WA Tracker
        </Text>
      </Text>
    </Group>
  );
}
