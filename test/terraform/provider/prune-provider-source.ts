/**
 * Prunes a copy of terraform-provider-aws's source to a few service packages, so it builds
 * in minutes instead of half an hour. The kept packages are unchanged: their schemas and their
 * create/read/update/delete code are the real provider's.
 *
 * Two generated registries name every service: `service_packages_gen.go` (the provider's list
 * of service packages) and `awsclient_gen.go` (one AWS SDK client accessor per service). The
 * first keeps only the wanted services; the second keeps only the accessors that the packages
 * still compiled in call, and the imports those accessors use.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const SERVICE_PACKAGES = 'internal/provider/sdkv2/service_packages_gen.go';
const AWS_CLIENT = 'internal/conns/awsclient_gen.go';
const MODULE = 'github.com/hashicorp/terraform-provider-aws';

/** Rewrites the provider source in `sourceDir` so that only `services` are compiled in. */
export function pruneProviderSource(sourceDir: string, services: readonly string[]): void {
  pruneServicePackages(path.join(sourceDir, SERVICE_PACKAGES), new Set(services));
  const called = accessorsCalledByCompiledPackages(sourceDir);
  pruneClientAccessors(path.join(sourceDir, AWS_CLIENT), called);
}

function pruneServicePackages(file: string, keep: Set<string>): void {
  const servicePackage = /^\s*"github\.com\/hashicorp\/terraform-provider-aws\/internal\/service\/(\w+)"$/;
  const registration = /^\s*(\w+)\.ServicePackage\(ctx\),$/;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const kept = lines.filter((line) => {
    const name = servicePackage.exec(line)?.[1] ?? registration.exec(line)?.[1];
    return name === undefined || keep.has(name);
  });
  const missing = [...keep].filter((service) => !kept.some((line) => registration.exec(line)?.[1] === service));
  if (missing.length > 0) {
    throw new Error(`${file} registers no service package named ${missing.join(', ')}; check the service list against this provider version.`);
  }
  fs.writeFileSync(file, kept.join('\n'));
}

/** Names `X` of every `XClient(ctx)` call in the provider's own packages that the build still compiles. */
function accessorsCalledByCompiledPackages(sourceDir: string): Set<string> {
  const dirs = execFileSync('go', ['list', '-deps', '-f', '{{.ImportPath}} {{.Dir}}', '.'], {
    cwd: sourceDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  }).split('\n')
    .filter((line) => line.startsWith(`${MODULE}/`))
    .map((line) => line.slice(line.indexOf(' ') + 1));
  const called = new Set<string>();
  const call = /\b([A-Z][A-Za-z0-9]*)Client\(ctx/g;
  for (const dir of dirs) {
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith('.go') || file.endsWith('_test.go') || path.join(dir, file) === path.join(sourceDir, AWS_CLIENT)) {
        continue;
      }
      for (const match of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(call)) {
        called.add(match[1]);
      }
    }
  }
  return called;
}

function pruneClientAccessors(file: string, called: Set<string>): void {
  const source = fs.readFileSync(file, 'utf8');
  const accessor = /^func \(c \*AWSClient\) (\w+)Client\(ctx context\.Context\) \*\w+\.Client \{\n[\s\S]*?^\}\n\n?/gm;
  const withoutUnused = source.replace(accessor, (whole, name: string) => (called.has(name) ? whole : ''));
  const importBlock = /^import \(\n([\s\S]*?)^\)\n/m;
  const body = withoutUnused.replace(importBlock, '');
  const pruned = withoutUnused.replace(importBlock, (_whole, imports: string) => {
    const used = imports.split('\n').filter((line) => {
      const spec = /^\s*(?:(\w+)\s+)?"([^"]+)"$/.exec(line);
      if (!spec) {
        return line.trim() !== '';
      }
      const name = spec[1] ?? spec[2].split('/').pop()!;
      return new RegExp(`\\b${name}\\.`).test(body);
    });
    return `import (\n${used.join('\n')}\n)\n`;
  });
  fs.writeFileSync(file, pruned);
}
