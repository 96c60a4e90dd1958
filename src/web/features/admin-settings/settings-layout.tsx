import { Box } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { SettingsTabs } from './settings-tabs';

/** Admin → Settings: the section tabs above whichever section is open; each section brings its own header. */
export function SettingsLayout() {
  return (
    <Box maw={880}>
      <SettingsTabs />
      <Outlet />
    </Box>
  );
}
