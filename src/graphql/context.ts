import { DataSource } from 'typeorm';
import { Policy } from '../auth/policy';
import { Config } from '../config';
import { Loaders } from '../loaders/loaders';
import { Logger } from '../server/log';

export interface Context {
  ds: DataSource;
  config: Config;
  policy: Policy;
  loaders: Loaders;
  requestId: string;
  log: Logger;
}
