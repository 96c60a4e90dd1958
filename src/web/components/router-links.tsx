import { Anchor, Button, type AnchorProps, type ButtonProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

// Mantine components rendered as router links: typed `to`/`search`, client-side navigation, preload on hover.

type AnchorAttributes = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'> & { ref?: Ref<HTMLAnchorElement> };

function ButtonAnchor(props: ButtonProps & AnchorAttributes) {
  return <Button component="a" {...props} />;
}

function TextAnchor(props: AnchorProps & AnchorAttributes) {
  return <Anchor {...props} />;
}

const CreatedButtonLink = createLink(ButtonAnchor);
const CreatedAnchorLink = createLink(TextAnchor);

export const ButtonLink: LinkComponent<typeof ButtonAnchor> = (props) => <CreatedButtonLink preload="intent" {...props} />;
export const AnchorLink: LinkComponent<typeof TextAnchor> = (props) => <CreatedAnchorLink preload="intent" {...props} />;
