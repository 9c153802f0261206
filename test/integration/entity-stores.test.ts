import { entityStoresContract } from '../support/entity-stores-contract';
import { FakeClock } from '../support/fixtures';
import { freshTable, portsFor } from './support';

entityStoresContract('DynamoDB Local', async () => portsFor(await freshTable('stores'), new FakeClock()));
