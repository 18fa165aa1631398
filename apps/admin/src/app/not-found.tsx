import { PageHeader } from '../components/page-header';
import { RouterAnchor } from '../components/router-link';

export function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <RouterAnchor to="/">Go to the overview</RouterAnchor>
    </>
  );
}
