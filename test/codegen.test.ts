import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';

const root = path.join(__dirname, '..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

test('generated operation types and client preset are current (run `npm run codegen`)', () => {
  const config = YAML.parse(fs.readFileSync(path.join(root, 'codegen.yml'), 'utf8'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-'));
  try {
    const generates = Object.fromEntries(Object.entries(config.generates).map(([target, spec]) => [path.join(tmp, target), spec]));
    const tmpConfig = path.join(tmp, 'codegen.yml');
    fs.writeFileSync(tmpConfig, YAML.stringify({ ...config, generates }));
    execFileSync(process.execPath, [path.join(root, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', tmpConfig, '--silent'], { cwd: root, stdio: 'pipe' });
    for (const target of Object.keys(config.generates)) {
      const ours = path.join(root, target);
      const fresh = path.join(tmp, target);
      if (target.endsWith('/')) {
        expect(files(ours)).toEqual(files(fresh));
        for (const f of files(fresh)) expect(`${target}${f}\n${fs.readFileSync(path.join(ours, f), 'utf8')}`).toBe(`${target}${f}\n${fs.readFileSync(path.join(fresh, f), 'utf8')}`);
      } else {
        expect(`${target}\n${fs.readFileSync(ours, 'utf8')}`).toBe(`${target}\n${fs.readFileSync(fresh, 'utf8')}`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}, 60000);
