"""Where moto 5.2.5 accepts what API Gateway refuses: each refusal here is AWS's, with its
message (moto_server.py applies them; docs/terraform-harness.md lists what is enforced and what
is not). strict-emulator.terraform.ts shows a hand-written wrong pattern hitting each one, and the
library's output passing under it.

- DeleteDeployment of a deployment that a stage, or a stage's canary, still serves: 400 "Active
  stages pointing to this deployment must be moved or deleted". moto refuses only when the
  deployment was created with a stageName (provider v5), and otherwise deletes it, leaving the
  stage on a deployment that does not exist.
- DeleteStage of a stage a custom domain's base path mapping, or API mapping, points at: 400 "Deleting stage
  {name} failed. Please remove all base path mappings related to the stage in your domains:
  {domains}." (moto deletes it, leaving the mapping on nothing).
- DeleteRestApi of an API a base path mapping, or API mapping, points at: 400 "Deleting RestApi {id} failed.
  Please remove all base path mappings related to the RestApi in your domains: {domains}."
- CreateUsagePlan, and UpdateUsagePlan adding /apiStages, with a stage that does not exist: 400
  "Invalid API Stage {api: {id}, stage: {name}} specified for usageplan {plan}" (moto stores it).
- DeleteUsagePlan while API stages are associated: 400 "Cannot delete Usage Plan {id} because
  there are API Stages associated with it, including {api}:{stage}" (the provider removes the
  stages first; moto deletes at once).
- API Gateway v2 CreateStage or UpdateStage with route settings for a route key the API has no
  route for: 404 "Unable to find Route by key {key} within the provided RouteSettings" (seen by
  terraform-aws-modules/apigateway-v2 #80 and serverless-api-gateway-throttling #34; moto stores them).
- API Gateway v2 CreateApiMapping with a key the domain already maps: 409 "ApiMapping key already
  exists for this domain name" (aws-cdk #22660; moto adds a second mapping).
- API Gateway v2 DeleteApi of an API an API mapping points at: 400 "Deleting API {id} failed. Please
  remove all API mappings for the API from your custom domain names." (cloud-nuke #370; moto deletes
  it, leaving the mapping on nothing).
- API Gateway v2 CreateApiMapping to a stage the API does not have: 400 "Invalid stage identifier
  specified" (aws-cdk #9078, a mapping to a `$default` stage that was never created; moto maps it).
- API Gateway v2 DeleteStage of a stage an API mapping points at: 400 "Deleting stage {name} failed.
  Please remove all base path mappings related to the stage in your domains: {domains}" (reported for
  an HTTP API's `$default` stage by a Terraform apply, and for a WebSocket stage by a CDK stack's
  deletion; AWS words it as for REST stages; moto deletes it, leaving the mapping on nothing).
"""

import json

from moto.apigateway import models
from moto.apigateway.exceptions import BadRequestException, StageStillActive
from moto.apigatewayv2 import exceptions as v2_exceptions
from moto.apigatewayv2 import models as v2_models
from moto.apigatewayv2 import responses as v2_responses
from moto.apigatewayv2.exceptions import APIGatewayV2Error


def _delete_deployment(self, deployment_id):
    if deployment_id in self.deployments:
        for stage in self.stages.values():
            canary = getattr(stage, "canary_settings", None) or {}
            if deployment_id in (stage.deployment_id, canary.get("deploymentId")):
                raise StageStillActive()
    return _original["delete_deployment"](self, deployment_id)


def _mapped_domains(backend, rest_api_id, stage_name=None):
    """The custom domains with a base path mapping, or an API Gateway v2 API mapping, to the REST API
    (to its stage, when one is named). AWS keeps a REST API's API mappings as its base path mappings:
    serverless-domain-manager #406 shows DeleteRestApi refused for mappings made with ApiGatewayV2."""
    v2_backend = v2_models.apigatewayv2_backends[backend.account_id][backend.region_name]
    mappings = [
        (domain, mapping.rest_api_id, mapping.stage)
        for domain, domain_mappings in backend.base_path_mappings.items()
        for mapping in domain_mappings.values()
    ] + [(mapping.domain_name, mapping.api_id, mapping.stage) for mapping in v2_backend.api_mappings.values()]
    return sorted({
        domain for domain, api_id, stage in mappings
        if api_id == rest_api_id and (stage_name is None or stage == stage_name)
    })


def _delete_stage(self, function_id, stage_name):
    domains = _mapped_domains(self, function_id, stage_name)
    if domains and stage_name in self.get_rest_api(function_id).stages:
        raise BadRequestException(
            f"Deleting stage {stage_name} failed. Please remove all base path mappings related to the stage "
            f"in your domains: {', '.join(domains)}."
        )
    return _original["delete_stage"](self, function_id, stage_name)


def _delete_rest_api(self, function_id):
    domains = _mapped_domains(self, function_id)
    if domains:
        raise BadRequestException(
            f"Deleting RestApi {function_id} failed. Please remove all base path mappings related to the RestApi "
            f"in your domains: {', '.join(domains)}."
        )
    return _original["delete_rest_api"](self, function_id)


def _require_api_stage(backend, api_id, stage_name, plan_name):
    api = backend.apis.get(api_id)
    if api is None or stage_name not in api.stages:
        raise BadRequestException(f"Invalid API Stage {{api: {api_id}, stage: {stage_name}}} specified for usageplan {plan_name}")


def _create_usage_plan(self, payload):
    for api_stage in payload.get("apiStages") or []:
        _require_api_stage(self, api_stage.get("apiId"), api_stage.get("stage"), payload.get("name"))
    return _original["create_usage_plan"](self, payload)


def _update_usage_plan(self, usage_plan_id, patch_operations):
    plan = self.usage_plans.get(usage_plan_id)
    for operation in patch_operations:
        if plan is not None and operation.get("op") == "add" and operation.get("path") == "/apiStages":
            api_id, _, stage_name = operation["value"].partition(":")
            _require_api_stage(self, api_id, stage_name, plan.name)
    return _original["update_usage_plan"](self, usage_plan_id, patch_operations)


def _delete_usage_plan(self, usage_plan_id):
    plan = self.usage_plans.get(usage_plan_id)
    if plan is not None and plan.api_stages:
        first = plan.api_stages[0]
        raise BadRequestException(
            f"Cannot delete Usage Plan {usage_plan_id} because there are API Stages associated with it, "
            f"including {first['apiId']}:{first['stage']}"
        )
    return _original["delete_usage_plan"](self, usage_plan_id)


class RouteNotFound(APIGatewayV2Error):
    code = 404

    def __init__(self, route_key):
        super().__init__("NotFoundException", f"Unable to find Route by key {route_key} within the provided RouteSettings")


def _require_routes(api, route_settings):
    keys = {route.route_key for route in api.routes.values()}
    for route_key in route_settings or {}:
        if route_key not in keys:
            raise RouteNotFound(route_key)


def _create_v2_stage(self, config):
    _require_routes(self, config.get("routeSettings"))
    return _original["create_stage"](self, config)


def _update_v2_stage(self):
    api_id = self.path.split("/v2/apis/")[1].split("/")[0]
    _require_routes(self.apigatewayv2_backend.get_api(api_id), json.loads(self.body or "{}").get("routeSettings"))
    return _original["update_stage"](self)


class ApiMappingConflict(APIGatewayV2Error):
    code = 409

    def __init__(self):
        super().__init__("ConflictException", "ApiMapping key already exists for this domain name")


class ApiStillMapped(APIGatewayV2Error):
    code = 400

    def __init__(self, api_id):
        super().__init__("BadRequestException",
                         f"Deleting API {api_id} failed. Please remove all API mappings for the API from your custom domain names.")


def _stage_missing(backend, api_id, stage):
    """Whether the API exists (a v2 or a REST API) and has no stage of that name."""
    if api_id in backend.apis:
        return stage not in backend.apis[api_id].stages
    rest_api = models.apigateway_backends[backend.account_id][backend.region_name].apis.get(api_id)
    return rest_api is not None and stage not in rest_api.stages


def _create_api_mapping(self, api_id, api_mapping_key, domain_name, stage):
    if any(mapping.domain_name == domain_name and mapping.api_mapping_key == api_mapping_key for mapping in self.api_mappings.values()):
        raise ApiMappingConflict()
    if _stage_missing(self, api_id, stage):
        raise v2_exceptions.BadRequestException("Invalid stage identifier specified")
    return _original["create_api_mapping"](self, api_id, api_mapping_key, domain_name, stage)


def _delete_v2_stage(self, api_id, stage_name):
    domains = sorted({
        mapping.domain_name for mapping in self.api_mappings.values() if mapping.api_id == api_id and mapping.stage == stage_name
    })
    if domains and stage_name in self.get_api(api_id).stages:
        raise v2_exceptions.BadRequestException(
            f"Deleting stage {stage_name} failed. Please remove all base path mappings related to the stage in your domains: "
            f"{', '.join(domains)}"
        )
    return _original["delete_v2_stage"](self, api_id, stage_name)


def _delete_v2_api(self, api_id):
    if any(mapping.api_id == api_id for mapping in self.api_mappings.values()):
        raise ApiStillMapped(api_id)
    return _original["delete_api"](self, api_id)


_original = {}


def apply():
    """Installs the refusals (once)."""
    if _original:
        return
    for owner, name, replacement, key in (
        (models.RestAPI, "delete_deployment", _delete_deployment, "delete_deployment"),
        (models.APIGatewayBackend, "delete_stage", _delete_stage, "delete_stage"),
        (models.APIGatewayBackend, "delete_rest_api", _delete_rest_api, "delete_rest_api"),
        (models.APIGatewayBackend, "create_usage_plan", _create_usage_plan, "create_usage_plan"),
        (models.APIGatewayBackend, "update_usage_plan", _update_usage_plan, "update_usage_plan"),
        (models.APIGatewayBackend, "delete_usage_plan", _delete_usage_plan, "delete_usage_plan"),
        (v2_models.Api, "create_stage", _create_v2_stage, "create_stage"),
        (v2_responses.ApiGatewayV2Response, "update_stage", _update_v2_stage, "update_stage"),
        (v2_models.ApiGatewayV2Backend, "create_api_mapping", _create_api_mapping, "create_api_mapping"),
        (v2_models.ApiGatewayV2Backend, "delete_api", _delete_v2_api, "delete_api"),
        (v2_models.ApiGatewayV2Backend, "delete_stage", _delete_v2_stage, "delete_v2_stage"),
    ):
        _original[key] = getattr(owner, name)
        setattr(owner, name, replacement)
