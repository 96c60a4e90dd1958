import { Group } from '@mantine/core';
import { IconCompass } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { ButtonLink } from '../components/router-links';
import { StatusScreen } from '../components/status-screen';
import { meQueryOptions } from './me-query';
import { homePath } from './navigation';

export function NotFoundPage() {
  const { data: me } = useQuery(meQueryOptions);
  return (
    <StatusScreen
      icon={<IconCompass size={34} />}
      color="teal"
      title="Page not found"
      description="The page you asked for doesn't exist or has moved. Check the address, or head back to somewhere familiar."
      actions={
        <Group justify="center">
          {me ? (
            <ButtonLink to={homePath(me)}>Go to dashboard</ButtonLink>
          ) : (
            <ButtonLink to="/">Go to home page</ButtonLink>
          )}
        </Group>
      }
    />
  );
}
