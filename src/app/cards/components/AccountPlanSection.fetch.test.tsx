// AccountPlanSection.test.tsx again, with the card calling Keystone over hubspot.fetch (kam serve).
import { useFetchTransport } from '@keystone/shared/test-utils';

useFetchTransport();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./AccountPlanSection.test');
