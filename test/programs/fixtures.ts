/**
 * The files the generated programs use, made once per process in the temp folder: a local
 * Terraform module (one variable, no resources), a request template file and a Lambda function's code as a zip file (a
 * `TerraformAsset` of type FILE: an ARCHIVE asset would spawn a node process per synth, 300 ms).
 * Their absolute paths end up in the synthesized JSON, so both stay put for the whole run
 * (determinism compares two syntheses of one program).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The module's Terraform source (printed into reproductions too). */
export const MODULE_SOURCE = 'variable "api_id" {\n  type = string\n}\n';

/** The Lambda function's code. */
export const LAMBDA_SOURCE = 'exports.handler = async () => ({ statusCode: 200, body: "ok" });\n';

/** The Lambda function's zip file, as base64 (printed into reproductions too). */
export const LAMBDA_ZIP_BASE64 = storedZip('index.js', Buffer.from(LAMBDA_SOURCE)).toString('base64');

/** The request template a MOCK integration reads with `Fn.file` (printed into reproductions too). */
export const TEMPLATE_SOURCE = '{"statusCode": 200}';

/**
 * The template's file, in the temp folder itself: its path is in the configuration the digest covers,
 * so a reproduction (another process) must read the very same path to synthesize the same triggers.
 */
export const TEMPLATE_FILE_NAME = 'user-programs-template.json';

let folders: { module: string; zip: string; template: string } | undefined;

/** The fixture paths of this process, made on first use: the module folder, the Lambda zip and the request template file. */
export function fixturePaths(): { readonly module: string; readonly zip: string; readonly template: string } {
  if (folders === undefined) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'user-programs-fixtures-'));
    const module = path.join(root, 'api-module');
    fs.mkdirSync(module);
    fs.writeFileSync(path.join(module, 'main.tf'), MODULE_SOURCE);
    const zip = path.join(root, 'lambda.zip');
    fs.writeFileSync(zip, Buffer.from(LAMBDA_ZIP_BASE64, 'base64'));
    const template = path.join(os.tmpdir(), TEMPLATE_FILE_NAME);
    fs.writeFileSync(template, TEMPLATE_SOURCE);
    folders = { module, zip, template };
  }
  return folders;
}

/** A zip archive of one file, stored without compression (enough for a Lambda function). */
function storedZip(name: string, data: Buffer): Buffer {
  const fileName = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x21, 12); // 1980-01-01
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x21, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(local.length + fileName.length + data.length, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

/* eslint-disable no-bitwise */ // CRC-32 is bit arithmetic
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}
/* eslint-enable no-bitwise */
