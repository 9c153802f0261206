import { Duration } from 'aws-cdk-lib';
import { FUNCTION_TIMEOUT_S, type FunctionName } from '../function-timeouts';

/** The function's timeout as the stacks set it: the one table the local platform reads too. */
export const functionTimeout = (name: FunctionName): Duration => Duration.seconds(FUNCTION_TIMEOUT_S[name]);
