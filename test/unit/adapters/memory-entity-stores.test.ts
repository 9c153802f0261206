import { entityStoresContract } from '../../support/entity-stores-contract';
import { memoryPorts } from '../../support/fixtures';

entityStoresContract('in memory', async () => memoryPorts().ports);
