export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  /** this process started it (or adopted it from one that ended): only then does stop() stop it */
  owned: boolean;
  stop(): Promise<void>;
}
export function startEmbeddedPostgres(options: {
  /**
   * The cluster's folder. As root (PostgreSQL then runs as the user postgres), when that user cannot reach it, the
   * cluster lives in a folder of that user's in the temp folder instead, named in its litellm-graphql-cluster.json.
   */
  dataDir: string;
  database?: string;
  port?: number;
  fast?: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedPostgresHandle>;
