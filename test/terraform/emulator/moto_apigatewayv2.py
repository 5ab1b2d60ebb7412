"""moto 5.2.5's API Gateway v2 (HTTP and WebSocket APIs), completed with what the Terraform
scenarios need and the real service has (moto_server.py applies it; docs/terraform-harness.md
lists the gaps):

- Deployments: CreateDeployment, GetDeployment, GetDeployments, UpdateDeployment and
  DeleteDeployment (moto has none; its URL table has no /deployments path).
- Stages: a stage's deploymentId (moto's Stage drops it, so GetStage never returns it),
  UpdateStage (PATCH /v2/apis/{apiId}/stages/{stageName}: the given fields replace the stage's;
  a stage variable set to "" is removed; route settings merge by route key), DeleteRouteSettings
  and DeleteAccessLogSettings.
- Tags of a stage (TagResource, UntagResource on arn:...::/apis/{apiId}/stages/{stageName}):
  moto has no route for a stage's ARN, and GetStage returns the tags the stage was created with.
- API mappings: CreateApiMapping of a REST API's stage (AWS maps REST APIs through the same
  operation, the only one that takes keys of several levels; moto looks the id up among v2 APIs
  only), and UpdateApiMapping (PATCH /v2/domainnames/{domainName}/apimappings/{apiMappingId}: the
  given fields replace the mapping's; moto has none).
- Domain names: each configuration's domainNameStatus, AVAILABLE (the provider waits for it after
  CreateDomainName; moto returns the configurations as given), and no mutualTlsAuthentication when
  none was set (moto returns {}, which the provider reads as a block to remove on every plan).
"""

import json
import re
import time
from urllib.parse import unquote

from moto.apigateway import models as apigateway_models
from moto.apigateway import urls as apigateway_urls
from moto.apigatewayv2 import models, responses, urls
from moto.moto_api._internal import mock_random

Response = responses.ApiGatewayV2Response


class NotFound(Exception):
    """A 404 answer, in the shape the AWS SDK reads."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _not_found(message):
    return 404, {"status": 404, "x-amzn-ErrorType": "NotFoundException"}, json.dumps({"message": message, "__type": "NotFoundException"})


def _api(response, api_id):
    try:
        return response.apigatewayv2_backend.get_api(api_id)
    except Exception:  # moto's own ApiNotFound
        raise NotFound(f"Invalid API identifier specified {api_id}")


def _deployments(api):
    if not hasattr(api, "deployments"):
        api.deployments = {}
    return api.deployments


def _answering_not_found(operation):
    def wrapped(self):
        try:
            return operation(self)
        except NotFound as error:
            return _not_found(error.message)
    wrapped.__name__ = operation.__name__
    return wrapped


def _path_parts(response):
    """The parts after /v2/apis/: [apiId, collection, id, ...]."""
    return [unquote(part) for part in response.path.split("/v2/apis/")[1].split("?")[0].split("/")]


@_answering_not_found
def create_deployment(self):
    api_id = _path_parts(self)[0]
    api = _api(self, api_id)
    body = json.loads(self.body or "{}")
    deployment = {
        "deploymentId": mock_random.get_random_string(length=6, lower_case=True),
        "createdDate": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "deploymentStatus": "DEPLOYED",
        "autoDeployed": False,
    }
    if body.get("description"):
        deployment["description"] = body["description"]
    _deployments(api)[deployment["deploymentId"]] = deployment
    if body.get("stageName"):
        api.get_stage(body["stageName"]).deployment_id = deployment["deploymentId"]
    return 201, {"status": 201}, json.dumps(deployment)


def _deployment(self):
    api_id, _, deployment_id = _path_parts(self)[:3]
    deployment = _deployments(_api(self, api_id)).get(deployment_id)
    if deployment is None:
        raise NotFound(f"Invalid Deployment identifier specified {deployment_id}")
    return deployment


@_answering_not_found
def get_deployment(self):
    return 200, {"status": 200}, json.dumps(_deployment(self))


@_answering_not_found
def get_deployments(self):
    api = _api(self, _path_parts(self)[0])
    return 200, {"status": 200}, json.dumps({"items": list(_deployments(api).values())})


@_answering_not_found
def update_deployment(self):
    deployment = _deployment(self)
    body = json.loads(self.body or "{}")
    if "description" in body:
        deployment["description"] = body["description"]
    return 200, {"status": 200}, json.dumps(deployment)


@_answering_not_found
def delete_deployment(self):
    api_id, _, deployment_id = _path_parts(self)[:3]
    _deployment(self)
    del _deployments(_api(self, api_id))[deployment_id]
    return 204, {"status": 204}, ""


_original_stage_init = models.Stage.__init__
_original_stage_to_json = models.Stage.to_json


def _stage_init(self, api, config):
    _original_stage_init(self, api, config)
    self.deployment_id = config.get("deploymentId")


def _stage_to_json(self):
    document = _original_stage_to_json(self)
    if getattr(self, "deployment_id", None):
        document["deploymentId"] = self.deployment_id
    return document


def _stage(self):
    api_id, _, stage_name = _path_parts(self)[:3]
    api = _api(self, api_id)
    if stage_name not in api.stages:
        raise NotFound(f"Invalid stage identifier specified {stage_name}")
    return api.stages[stage_name]


@_answering_not_found
def update_stage(self):
    stage = _stage(self)
    body = json.loads(self.body or "{}")
    attributes = {
        "accessLogSettings": "access_log_settings",
        "autoDeploy": "auto_deploy",
        "clientCertificateId": "client_certificate_id",
        "defaultRouteSettings": "default_route_settings",
        "deploymentId": "deployment_id",
        "description": "description",
    }
    for key, attribute in attributes.items():
        if key in body:
            setattr(stage, attribute, body[key])
    if "routeSettings" in body:
        stage.route_settings = {**(stage.route_settings or {}), **body["routeSettings"]}
    if "stageVariables" in body:
        variables = {**(stage.stage_variables or {}), **body["stageVariables"]}
        stage.stage_variables = {name: value for name, value in variables.items() if value != ""}
    return 200, {"status": 200}, json.dumps(stage.to_json())


@_answering_not_found
def delete_route_settings(self):
    stage = _stage(self)
    route_key = _path_parts(self)[4]
    if route_key not in (stage.route_settings or {}):
        raise NotFound(f"Unable to find route settings for {route_key}")
    del stage.route_settings[route_key]
    return 204, {"status": 204}, ""


@_answering_not_found
def delete_access_log_settings(self):
    _stage(self).access_log_settings = None
    return 204, {"status": 204}, ""


_STAGE_ARN = re.compile(r"^arn:[^:]+:apigateway:[^:]*::/apis/([^/]+)/stages/([^/]+)$")
_original_tag_resource = Response.tag_resource
_original_untag_resource = Response.untag_resource


def _tagged_stage(response):
    arn = unquote(response.path.split("/tags/")[1].split("?")[0])
    match = _STAGE_ARN.match(arn)
    if match is None:
        return None
    api = _api(response, match.group(1))
    return api.stages.get(unquote(match.group(2)))


@_answering_not_found
def tag_resource(self):
    stage = _tagged_stage(self)
    if stage is None:
        return _original_tag_resource(self)
    stage.tags = {**(stage.tags or {}), **json.loads(self.body).get("tags", {})}
    return 201, {"status": 201}, "{}"


@_answering_not_found
def untag_resource(self):
    stage = _tagged_stage(self)
    if stage is None:
        return _original_untag_resource(self)
    removed = self.querystring.get("tagKeys") or []
    stage.tags = {key: value for key, value in (stage.tags or {}).items() if key not in removed}
    return 204, {"status": 204}, ""


_original_create_api_mapping = models.ApiGatewayV2Backend.create_api_mapping
_original_domain_name_to_json = models.DomainName.to_json


def _domain_name_to_json(self):
    document = _original_domain_name_to_json(self)
    document["domainNameConfigurations"] = [
        {"domainNameStatus": "AVAILABLE", **configuration} for configuration in document.get("domainNameConfigurations") or []
    ]
    if not document.get("mutualTlsAuthentication"):
        document.pop("mutualTlsAuthentication", None)
    return document


def _create_api_mapping(self, api_id, api_mapping_key, domain_name, stage):
    rest_apis = apigateway_models.apigateway_backends[self.account_id][self.region_name].apis
    if api_id in self.apis or api_id not in rest_apis:
        return _original_create_api_mapping(self, api_id, api_mapping_key, domain_name, stage)
    # A REST API: moto's checks with a stand-in v2 API of that id, removed right after.
    self.apis[api_id] = None
    try:
        return _original_create_api_mapping(self, api_id, api_mapping_key, domain_name, stage)
    finally:
        del self.apis[api_id]


def update_api_mapping(self):
    parts = [unquote(part) for part in self.path.split("/v2/domainnames/")[1].split("?")[0].split("/")]
    domain_name, mapping_id = parts[0], parts[2]
    mapping = self.apigatewayv2_backend.get_api_mapping(api_mapping_id=mapping_id, domain_name=domain_name)
    body = json.loads(self.body or "{}")
    for key, attribute in (("apiId", "api_id"), ("apiMappingKey", "api_mapping_key"), ("stage", "stage")):
        if key in body:
            setattr(mapping, attribute, body[key])
    return 200, {"status": 200}, json.dumps(mapping.to_json())


def apply():
    """Installs the patches (before the server starts)."""
    models.ApiGatewayV2Backend.create_api_mapping = _create_api_mapping
    models.DomainName.to_json = _domain_name_to_json
    Response.update_api_mapping = update_api_mapping
    models.Stage.__init__ = _stage_init
    models.Stage.to_json = _stage_to_json
    for operation in (create_deployment, get_deployment, get_deployments, update_deployment, delete_deployment,
                      update_stage, delete_route_settings, delete_access_log_settings, tag_resource, untag_resource):
        setattr(Response, operation.__name__, operation)
    api = "{0}/v2/apis/(?P<api_id>[^/]+)"
    urls.url_paths[api + "/deployments$"] = Response.dispatch
    urls.url_paths[api + "/deployments/(?P<deployment_id>[^/]+)$"] = Response.dispatch
    urls.url_paths[api + "/stages/(?P<stage_name>[^/]+)/routesettings/(?P<route_key>.+)$"] = Response.dispatch
    urls.url_paths[api + "/stages/(?P<stage_name>[^/]+)/accesslogsettings$"] = Response.dispatch
    urls.url_paths["{0}/v2/tags/(?P<resource_arn_pt1>[^/]+)/apis/(?P<resource_arn_pt2>[^/]+)/stages/(?P<resource_arn_pt3>[^/]+)$"] = Response.dispatch
    # moto's server serves API Gateway v2 from the API Gateway app, whose table copied v2's at import.
    apigateway_urls.url_paths.update(urls.url_paths)
