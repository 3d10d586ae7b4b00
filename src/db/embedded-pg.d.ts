export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}
export function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  port?: number;
  fast?: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedPostgresHandle>;
