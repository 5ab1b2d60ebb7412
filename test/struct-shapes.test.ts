import * as fs from 'fs';
import * as path from 'path';
import { ACCESS_LOG_GROUP_OPTIONS, CLOUD_WATCH_ROLE_PROPS } from '../src/common/struct-shapes';
import { ENTRY_POINTS } from '../src/core/entry-points';
import { PropertyShape, StructShape } from '../src/core/struct-check';
import { API_MAPPING_OPTIONS } from '../src/domains/api-mapping';
import { BASE_PATH_MAPPING_OPTIONS } from '../src/domains/base-path-mapping';
import * as httpShapes from '../src/http/http-shapes';
import * as metricShapes from '../src/metrics/metric-shapes';
import * as restShapes from '../src/rest/rest-shapes';
import * as webSocketShapes from '../src/websocket/websocket-shapes';

/**
 * The shapes the constructs check untyped props against (Python, Java, Go, plain JavaScript) must
 * be the props' TypeScript types: each is compared with the jsii assembly, property by property.
 */
const assembly = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.jsii'), 'utf8'));

function structOf(name: string): any {
  const struct = Object.values<any>(assembly.types).find((type) => type.fqn === `${assembly.name}.${name}` && type.datatype);
  if (struct === undefined) {
    throw new Error(`no struct ${name} in the assembly`);
  }
  return struct;
}

function propertiesOf(struct: any): Record<string, any> {
  const inherited = (struct.interfaces ?? []).map((fqn: string) => assembly.types[fqn]).filter(Boolean).map(propertiesOf);
  return Object.assign({}, ...inherited, Object.fromEntries((struct.properties ?? []).map((property: any) => [property.name, property.type])));
}

/** The shape a jsii type reference stands for, described as text for comparison. */
function describeType(type: any): string {
  if (type.primitive) {
    return type.primitive;
  }
  if (type.collection) {
    const element = describeType(type.collection.elementtype);
    if (type.collection.kind === 'map') {
      return element === 'string' ? 'string-map' : `mapOf ${element}`;
    }
    return `list of ${element}`;
  }
  if (['constructs.IConstruct'].includes(type.fqn)) {
    return 'construct';
  }
  if (type.fqn === 'cdktf.TerraformProvider') {
    return 'provider';
  }
  if (type.fqn === 'cdktf.TerraformResource' || type.fqn.startsWith('@cdktf/provider-aws.')) {
    return 'resource';
  }
  const own = assembly.types[type.fqn];
  if (own?.kind === 'enum') {
    return `oneOf ${own.members.map((member: any) => member.name).join(',')}`;
  }
  if (own?.datatype) {
    return `struct ${own.name}`;
  }
  return `instanceOf ${type.fqn.split('.').pop()}`;
}

function describeShape(shape: PropertyShape): string {
  if (typeof shape === 'string') {
    // A map of strings that may also be a token is a map of strings to jsii.
    return shape === 'string-map-or-token' ? 'string-map' : shape;
  }
  if ('list' in shape) {
    return `list of ${describeShape(shape.list)}`;
  }
  if ('mapOf' in shape) {
    return `mapOf struct ${shape.mapOf.name}`;
  }
  if ('struct' in shape) {
    return `struct ${shape.struct.name}`;
  }
  if ('oneOf' in shape) {
    return `oneOf ${shape.oneOf.join(',')}`;
  }
  return `instanceOf ${shape.instanceOf.name}`;
}

const kindShapes = [restShapes, httpShapes, webSocketShapes, metricShapes].flatMap((shapes) => Object.values(shapes) as StructShape[]);
const everyShape = [ACCESS_LOG_GROUP_OPTIONS, API_MAPPING_OPTIONS, BASE_PATH_MAPPING_OPTIONS, CLOUD_WATCH_ROLE_PROPS, ...kindShapes];

test.each(everyShape.map((shape) => [shape.name, shape]))('%s has the properties of its jsii struct, each of its type', (name, shape) => {
  const jsiiProperties = Object.entries(propertiesOf(structOf(name as string)));
  const expected = Object.fromEntries(jsiiProperties.map(([property, type]) => [property, describeType(type)]));
  const shapeProperties = Object.entries((shape as StructShape).properties);
  const actual = Object.fromEntries(shapeProperties.map(([property, propertyShape]) => [property, describeShape(propertyShape)]));

  expect(actual).toEqual(expected);
});

test('every props struct a construct or method takes has a shape', () => {
  const checked = new Set(everyShape.map((shape) => shape.name));
  // Every struct an entry point of the assembly takes (src/core/entry-points.ts), so that a new one is not forgotten.
  const taken = [...new Set(Object.values(ENTRY_POINTS).flatMap((entries) => Object.values(entries).flat())
    .filter((parameter) => parameter.kind.startsWith('struct:')).map((parameter) => parameter.kind.slice('struct:'.length)))];

  expect(taken.filter((name) => !checked.has(name))).toEqual([]);
});
