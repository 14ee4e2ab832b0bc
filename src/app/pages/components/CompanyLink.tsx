import { Link } from '@hubspot/ui-extensions';
import { companyRecordUrl } from '../lib/format';

/** A company's name linking to its record in this portal. */
export function CompanyLink({ portalId, id, name }: { portalId: number; id: string; name: string | null }) {
  return (
    <Link href={{ url: companyRecordUrl(portalId, id), external: false }}>{name ?? `Company ${id}`}</Link>
  );
}
