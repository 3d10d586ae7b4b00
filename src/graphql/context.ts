import { DataSource } from 'typeorm';
import { Policy } from '../auth/policy';
import { Config } from '../config';
import { HeavyReads } from '../db/heavy';
import { Loaders } from '../loaders/loaders';
import { Logger } from '../server/log';

export interface Context {
  ds: DataSource;
  config: Config;
  policy: Policy;
  loaders: Loaders;
  /** the semaphore every heavy read runs under */
  heavy: HeavyReads;
  requestId: string;
  log: Logger;
}
