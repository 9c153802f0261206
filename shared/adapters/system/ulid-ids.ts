import { monotonicFactory } from 'ulid';
import type { Ids } from '../../ports/ids';

export class UlidIds implements Ids {
  private readonly next_ = monotonicFactory();
  next(): string {
    return this.next_();
  }
}
