export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  /** this process started it (or adopted it from one that ended): only then does stop() stop it */
  owned: boolean;
  stop(): Promise<void>;
}
export function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  port?: number;
  fast?: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedPostgresHandle>;
