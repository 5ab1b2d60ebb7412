import * as fc from 'fast-check';
import { anyText, libraryOutcome, parameters } from './support';
import { MethodDeploymentOptions, MethodLoggingLevel, RestApiDeployment, RestApiDeploymentProps, UnauthorizedCacheControlHeaderStrategy } from '../../src';
import { hasUnknownInterpolation } from '../../src/core/template-text';
import { METHOD_DEPLOYMENT_OPTION_NAMES } from '../../src/rest/method-settings';
import { petsApi } from '../support/api';
import { synthesize } from '../support/synth';

function deployWith(props: Partial<RestApiDeploymentProps>, extraStage?: string) {
  return () => synthesize((stack) => {
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, ...props });
    if (extraStage !== undefined) {
      deployment.addStage(extraStage);
    }
  });
}

const VALID_STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

describe('property: random props either synthesize schema-valid output or fail with the library error', () => {
  test('stage names', () => {
    fc.assert(fc.property(anyText(), (stageName) => {
      const outcome = libraryOutcome('stageName', deployWith({ stageName }));
      expect(outcome).toBe(VALID_STAGE_NAME.test(stageName) ? 'synthesized' : 'rejected');
    }), parameters());
  });

  test('added stage names', () => {
    fc.assert(fc.property(anyText(), (stageName) => {
      const outcome = libraryOutcome('addStage(', deployWith({}, stageName));
      expect(outcome).toBe(VALID_STAGE_NAME.test(stageName) && stageName !== 'prod' ? 'synthesized' : 'rejected');
    }), parameters());
  });

  test('stage variables', () => {
    const variables = fc.dictionary(anyText(20), anyText(40), { maxKeys: 4 });
    fc.assert(fc.property(variables, (vars) => {
      libraryOutcome('variables', deployWith({ variables: vars }));
    }), parameters());
  });

  test('method settings paths and values', () => {
    const number = fc.oneof(fc.integer({ min: -10, max: 5000 }), fc.double({ noDefaultInfinity: false }), fc.constantFrom(NaN, Infinity, -0));
    const settings: fc.Arbitrary<MethodDeploymentOptions> = fc.record({
      metricsEnabled: fc.boolean(),
      loggingLevel: fc.oneof(fc.constantFrom(...Object.values(MethodLoggingLevel)), anyText(10)) as fc.Arbitrary<MethodLoggingLevel>,
      throttlingBurstLimit: number,
      throttlingRateLimit: number,
      cachingEnabled: fc.boolean(),
      cacheTtl: number,
      cacheDataEncrypted: fc.boolean(),
      unauthorizedCacheControlHeaderStrategy: fc.oneof(
        fc.constantFrom(...Object.values(UnauthorizedCacheControlHeaderStrategy)),
        anyText(10),
      ) as fc.Arbitrary<UnauthorizedCacheControlHeaderStrategy>,
    }, { requiredKeys: [] });
    const path = fc.oneof(
      fc.constantFrom('*/*', '/pets/GET', 'pets/{id}/*', '/a/b/c/DELETE', 'pets/get', 'pets', '/'),
      anyText(30),
      fc.tuple(fc.stringMatching(/^[a-z{}]{1,8}$/), fc.constantFrom('GET', 'POST', 'ANY', '*', 'get')).map(([p, m]) => `/${p}/${m}`),
    );
    const optionsByPath = fc.dictionary(path, settings, { maxKeys: 3 });
    fc.assert(fc.property(optionsByPath, settings, fc.boolean(), (methodOptions, methodSettings, cacheClusterEnabled) => {
      const outcome = libraryOutcome(['methodOptions', ...METHOD_DEPLOYMENT_OPTION_NAMES], deployWith({ methodOptions, ...methodSettings, cacheClusterEnabled }));
      if (outcome === 'synthesized') {
        expect(cacheClusterEnabled || ![methodSettings, ...Object.values(methodOptions)].some((s) => s.cachingEnabled)).toBe(true);
      }
    }), parameters());
  });

  test('canary percentages', () => {
    const percent = fc.oneof(fc.double({ noDefaultInfinity: false }), fc.integer({ min: -5, max: 105 }), fc.constantFrom(NaN, 0, 100));
    fc.assert(fc.property(percent, (percentTraffic) => {
      const outcome = libraryOutcome('canary.percentTraffic', deployWith({ canary: { percentTraffic } }));
      expect(outcome).toBe(percentTraffic >= 0 && percentTraffic <= 100 ? 'synthesized' : 'rejected');
    }), parameters());
  });

  test('trigger maps', () => {
    const key = fc.oneof(anyText(30), fc.constantFrom('resource_ids', 'aws_api_gateway_method.pets_get', 'aws_api_gateway_rest_api.api', 'release'));
    fc.assert(fc.property(fc.dictionary(key, anyText(60), { maxKeys: 5 }), (triggers) => {
      const outcome = libraryOutcome('triggers.', deployWith({ triggers }));
      const collides = Object.keys(triggers).some((k) => ['resource_ids', 'aws_api_gateway_method.pets_get', 'aws_api_gateway_rest_api.api',
        'aws_api_gateway_resource.pets', 'aws_api_gateway_integration.pets_get_integration', '__proto__'].includes(k)); // cdktf's rendering drops a __proto__ key
      // "${...}" written as text is an interpolation of a name no program declares (terraform validate refuses it).
      const interpolates = Object.entries(triggers).some(([k, value]) => hasUnknownInterpolation(k, true) || hasUnknownInterpolation(value, false));
      expect(outcome).toBe(collides || interpolates ? 'rejected' : 'synthesized');
    }), parameters());
  });
});
