/** Thrown for malformed input (bad indices, non-square matrix, negative times, unknown profile, ...). */
export class RoutingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoutingInputError';
  }
}
