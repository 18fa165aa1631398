import { Anchor, Button, type AnchorProps, type ButtonProps } from '@mantine/core';
import { Link, type LinkProps } from 'react-router';

/** A Mantine anchor that navigates inside the console. */
export function RouterAnchor(props: AnchorProps & LinkProps) {
  return <Anchor component={Link} {...props} />;
}

export function RouterButton(props: ButtonProps & LinkProps) {
  return <Button component={Link} {...props} />;
}
