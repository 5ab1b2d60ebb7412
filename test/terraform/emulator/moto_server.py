"""moto's server with the API Gateway operations the Terraform scenarios need and moto 5.2.5 lacks
(the API Gateway v2 ones are in moto_apigatewayv2.py).

Usage: python moto_server.py <port>   (listens on 127.0.0.1)

Patches (each one is an API Gateway behaviour the real service has; docs/internals.md lists them):
- UpdateIntegration (PATCH .../methods/{m}/integration): moto has no such operation, so the
  provider's in-place update of an integration (a changed request template) fails.
- Client certificates (GenerateClientCertificate and its Get/Update/Delete): moto has none;
  examples/production creates one for its stage.
- Tags of a REST API (TagResource, UntagResource, GetTags on `arn:...::/restapis/{id}`): moto
  tags only stages, and has no route for a REST API's ARN.
- UpdateAccount with a "replace" that has no value (how the provider resets cloudwatchRoleArn
  when an aws_api_gateway_account is destroyed): moto fails with a KeyError (HTTP 500).
- A REST API's policy in GetRestApi: AWS returns it as an escaped JSON string (`{\"Version\":...`),
  which the provider unescapes; moto returns the JSON as given, which the provider cannot read
  ("invalid character ... after top-level value").
- Stage clientCertificateId: moto's Stage drops it, so every plan would set it again.
- DeleteResource of a resource that no longer exists (an OpenAPI body put with mode "overwrite"
  replaced the API's resources): moto fails with a KeyError (HTTP 500); AWS answers 404 "Invalid
  resource identifier specified", which the provider reads as "already gone".
- GetDeployment of a deployment that does not exist (deleted outside Terraform): moto fails with
  a KeyError (HTTP 500), so the provider cannot see it is gone; AWS answers 404 "Invalid
  Deployment identifier specified", which the provider reads as "recreate it".
- Stage canarySettings: moto's Stage has none. CreateStage ignores them, GetStage never returns
  them, and UpdateStage applies "/canarySettings/deploymentId" to the stage's own deploymentId
  (its path contains "/deploymentId"), which would move the whole stage to the canary.

CloudWatch over the Smithy RPC v2 CBOR protocol (moto_cloudwatch_cbor.py): the provider's SDK
(service/cloudwatch v1.57.2) speaks only rpc-v2-cbor, which moto does not serve (every call would
404); the shim re-issues each call to moto as JSON 1.0 and answers in CBOR.

Strict where moto is lenient: moto_strict.py (each refusal is AWS's, with its message).
Faults a scenario injects (an operation that fails once): moto_faults.py.
"""

import json
import sys

import time
from urllib.parse import unquote

from moto.apigateway import models, responses, urls
from moto.moto_api._internal import mock_random
from moto.apigateway.exceptions import BadRequestException, DeploymentNotFoundException, ResourceIdNotFoundException
from moto.server import main as moto_main


def _unescape(segment):
    return segment.replace("~1", "/").replace("~0", "~")


def _apply_json_patch(document, operations):
    """Applies API Gateway patch operations (op, path, value) to a plain dict."""
    for operation in operations:
        keys = [_unescape(part) for part in operation["path"].split("/")[1:]]
        parent = document
        for key in keys[:-1]:
            if not isinstance(parent.get(key), dict):
                parent[key] = {}
            parent = parent[key]
        if operation["op"] in ("add", "replace"):
            parent[keys[-1]] = operation.get("value")
        elif operation["op"] == "remove":
            parent.pop(keys[-1], None)
        else:
            raise BadRequestException(f'Patch operation "{operation["op"]}" not implemented')
    return document


# The Integration attribute behind each key of its JSON form (moto spells one of them its own way).
_INTEGRATION_ATTRIBUTES = {
    "type": "integration_type",
    "uri": "uri",
    "httpMethod": "http_method",
    "passthroughBehavior": "passthrough_behaviour",
    "cacheKeyParameters": "cache_key_parameters",
    "requestTemplates": "request_templates",
    "tlsConfig": "tls_config",
    "cacheNamespace": "cache_namespace",
    "timeoutInMillis": "timeout_in_millis",
    "requestParameters": "request_parameters",
    "contentHandling": "content_handling",
    "credentials": "credentials",
    "connectionType": "connection_type",
}


def update_integration(self):
    parts = self.path.split("/")
    integration = self.backend.get_integration(parts[2], parts[4], parts[6])
    if integration is None:
        return self.error("NotFoundException", "Invalid Integration identifier specified", 404)
    document = integration.to_json()
    # A list-valued key such as cacheKeyParameters is patched element by element by value.
    operations = []
    for operation in self._get_param("patchOperations") or []:
        if operation["path"].startswith("/cacheKeyParameters/"):
            value = _unescape(operation["path"].split("/", 2)[2])
            current = document.get("cacheKeyParameters") or []
            if operation["op"] == "add" and value not in current:
                current.append(value)
            elif operation["op"] == "remove" and value in current:
                current.remove(value)
            document["cacheKeyParameters"] = current
        else:
            operations.append(operation)
    _apply_json_patch(document, operations)
    for key, attribute in _INTEGRATION_ATTRIBUTES.items():
        setattr(integration, attribute, document.get(key))
    return 200, {"status": 200}, json.dumps(integration.to_json())


responses.APIGatewayResponse.update_integration = update_integration


_original_stage_init = models.Stage.__init__
_original_stage_to_json = models.Stage.to_json
_original_apply_operations = models.Stage.apply_operations
_original_create_stage = responses.APIGatewayResponse.create_stage


def _stage_init(self, *args, **kwargs):
    _original_stage_init(self, *args, **kwargs)
    self.canary_settings = None
    self.client_certificate_id = None


def _stage_to_json(self):
    document = _original_stage_to_json(self)
    if getattr(self, "canary_settings", None):
        document["canarySettings"] = self.canary_settings
    if getattr(self, "client_certificate_id", None):
        document["clientCertificateId"] = self.client_certificate_id
    return document


def _stage_apply_operations(self, patch_operations):
    canary = [op for op in patch_operations if op["path"].startswith("/canarySettings")]
    certificate = [op for op in patch_operations if op["path"] == "/clientCertificateId"]
    others = [op for op in patch_operations if op not in canary and op not in certificate]
    for operation in certificate:
        self.client_certificate_id = operation.get("value") if operation["op"] != "remove" else None
    for operation in canary:
        if operation["path"] == "/canarySettings" and operation["op"] == "remove":
            self.canary_settings = None
            continue
        document = {"canarySettings": dict(getattr(self, "canary_settings", None) or {})}
        _apply_json_patch(document, [operation])
        settings = document["canarySettings"]
        if "percentTraffic" in settings and settings["percentTraffic"] is not None:
            settings["percentTraffic"] = float(settings["percentTraffic"])
        if "useStageCache" in settings and isinstance(settings["useStageCache"], str):
            settings["useStageCache"] = settings["useStageCache"].lower() == "true"
        self.canary_settings = settings or None
    return _original_apply_operations(self, others)


def create_stage(self):
    status, headers, body = _original_create_stage(self)
    stage = self.backend.get_stage(self.path.split("/")[2], self._get_param("stageName"))
    stage.canary_settings = self._get_param("canarySettings")
    stage.client_certificate_id = self._get_param("clientCertificateId")
    return status, headers, json.dumps(stage.to_json())


models.Stage.__init__ = _stage_init
models.Stage.to_json = _stage_to_json
models.Stage.apply_operations = _stage_apply_operations
responses.APIGatewayResponse.create_stage = create_stage


def _client_certificates(response):
    backend = response.backend
    if not hasattr(backend, "client_certificates"):
        backend.client_certificates = {}
    return backend.client_certificates


def generate_client_certificate(self):
    certificate_id = mock_random.get_random_string(length=6, lower_case=True)
    now = int(time.time())
    certificate = {
        "clientCertificateId": certificate_id,
        "description": self._get_param("description") or "",
        "pemEncodedCertificate": "-----BEGIN CERTIFICATE-----\nZW11bGF0ZWQ=\n-----END CERTIFICATE-----",
        "createdDate": now,
        "expirationDate": now + 365 * 86400,
        "tags": self._get_param("tags") or {},
    }
    _client_certificates(self)[certificate_id] = certificate
    return 201, {"status": 201}, json.dumps(certificate)


def _certificate_or_error(self):
    certificate = _client_certificates(self).get(self.path.rstrip("/").split("/")[-1])
    if certificate is None:
        return None, self.error("NotFoundException", "Invalid Client Certificate identifier specified", 404)
    return certificate, None


def get_client_certificate(self):
    certificate, error = _certificate_or_error(self)
    return error or (200, {"status": 200}, json.dumps(certificate))


def update_client_certificate(self):
    certificate, error = _certificate_or_error(self)
    if error:
        return error
    _apply_json_patch(certificate, self._get_param("patchOperations") or [])
    return 200, {"status": 200}, json.dumps(certificate)


def delete_client_certificate(self):
    certificate, error = _certificate_or_error(self)
    if error:
        return error
    del _client_certificates(self)[certificate["clientCertificateId"]]
    return 202, {"status": 202}, "{}"


for _operation in (generate_client_certificate, get_client_certificate, update_client_certificate, delete_client_certificate):
    setattr(responses.APIGatewayResponse, _operation.__name__, _operation)
urls.url_paths["{0}/clientcertificates$"] = responses.APIGatewayResponse.dispatch
urls.url_paths["{0}/clientcertificates/(?P<certificate_id>[^/]+)/?$"] = responses.APIGatewayResponse.dispatch


_original_get_tags = responses.APIGatewayResponse.get_tags
_original_tag_resource = responses.APIGatewayResponse.tag_resource
_original_untag_resource = responses.APIGatewayResponse.untag_resource


def _tagged_rest_api(response):
    """The REST API a tags request names, or None for any other resource (a stage)."""
    parts = unquote(response.path.split("/tags/")[1]).split("/")
    if len(parts) == 3 and parts[1] == "restapis":
        return response.backend.get_rest_api(parts[2])
    return None


def get_tags(self):
    api = _tagged_rest_api(self)
    return _original_get_tags(self) if api is None else json.dumps({"tags": api.tags or {}})


def tag_resource(self):
    api = _tagged_rest_api(self)
    if api is None:
        return _original_tag_resource(self)
    api.tags = {**(api.tags or {}), **(self._get_param("tags") or {})}
    return json.dumps({"item": api.tags})


def untag_resource(self):
    api = _tagged_rest_api(self)
    if api is None:
        return _original_untag_resource(self)
    removed = self.querystring.get("tagKeys") or []
    api.tags = {key: value for key, value in (api.tags or {}).items() if key not in removed}
    return json.dumps({"item": ""})


responses.APIGatewayResponse.get_tags = get_tags
responses.APIGatewayResponse.tag_resource = tag_resource
responses.APIGatewayResponse.untag_resource = untag_resource
urls.url_paths["{0}/tags/arn:(?P<partition>[^/]+):apigateway:(?P<region_name>[^/]+)::/restapis/(?P<function_id>[^/]+)$"] = responses.APIGatewayResponse.dispatch


_original_delete_resource = models.APIGatewayBackend.delete_resource


def _delete_resource(self, function_id, resource_id):
    if resource_id not in self.get_rest_api(function_id).resources:
        raise ResourceIdNotFoundException()
    return _original_delete_resource(self, function_id, resource_id)


models.APIGatewayBackend.delete_resource = _delete_resource


_original_rest_api_to_dict = models.RestAPI.to_dict


def _rest_api_to_dict(self):
    data = _original_rest_api_to_dict(self)
    if data.get("policy"):
        data["policy"] = json.dumps(data["policy"])[1:-1]
    return data


models.RestAPI.to_dict = _rest_api_to_dict


def _get_deployment(self, deployment_id):
    if deployment_id not in self.deployments:
        raise DeploymentNotFoundException()
    return self.deployments[deployment_id]


models.RestAPI.get_deployment = _get_deployment


_original_account_patch = models.Account.apply_patch_operations


def _account_apply_patch_operations(self, patch_operations):
    return _original_account_patch(self, [{"value": None, **operation} for operation in patch_operations])


models.Account.apply_patch_operations = _account_apply_patch_operations


import moto_apigatewayv2  # noqa: E402 (beside this file: the API Gateway v2 patches)
import moto_cloudwatch_cbor  # noqa: E402 (beside this file: CloudWatch over rpc-v2-cbor)
import moto_strict  # noqa: E402 (beside this file: AWS's refusals)
import moto_faults  # noqa: E402 (beside this file: faults a scenario injects)

moto_apigatewayv2.apply()
moto_cloudwatch_cbor.apply()
moto_strict.apply()
moto_faults.apply()


if __name__ == "__main__":
    moto_main(["-H", "127.0.0.1", "-p", sys.argv[1]])
