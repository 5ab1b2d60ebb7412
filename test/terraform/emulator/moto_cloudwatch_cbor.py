"""CloudWatch over the Smithy RPC v2 CBOR protocol, which moto 5.2.5 does not serve (moto_server.py
loads this module).

Why: aws-sdk-go-v2 service/cloudwatch (v1.57.2 in the provider the harness builds) speaks only
rpc-v2-cbor: `POST /service/GraniteServiceVersion20100801/operation/<Operation>` with headers
`smithy-protocol: rpc-v2-cbor`, `Content-Type: application/cbor` and a CBOR body. moto serves
CloudWatch over the Query and JSON 1.0 protocols only, so every call of the provider would 404.

What: moto's WSGI dispatcher (DomainDispatcherApplication, which `moto.server.main` serves) is
wrapped. A CBOR request is re-issued inside the process as the equivalent JSON 1.0 request
(`POST /`, `X-Amz-Target: GraniteServiceVersion20100801.<Operation>`, the same Authorization header,
so moto still dispatches it to CloudWatch), and moto's JSON answer is encoded back as CBOR the way
the Go SDK decodes it (its deserializers.go and smithy-go's encoding/cbor/coerce.go):
- timestamps (JSON: epoch seconds) become CBOR tag 1 around the number: the SDK accepts nothing else;
- integers and longs must be CBOR integers (the SDK refuses a float there); doubles are sent as
  floats (the SDK would also take an integer);
- blobs (JSON: base64) become byte strings;
- an error keeps its HTTP status and moto's `x-amzn-query-error` header (`ResourceNotFound;Sender`),
  from which the SDK takes the error code the provider checks; its `__type` names the error shape
  (`com.amazonaws.cloudwatch#DashboardNotFoundError`) and moto's `Message` becomes `message`.
Which JSON number is which comes from botocore's CloudWatch model (moto's own dependency).
"""

import base64
import datetime
import gzip
import io
import json
import traceback

import botocore.session
import cbor2
from moto.moto_server.werkzeug_app import DomainDispatcherApplication

_TARGET_PREFIX = "GraniteServiceVersion20100801"
_PATH_PREFIX = f"/service/{_TARGET_PREFIX}/operation/"
_service_model = None


def _model():
    global _service_model
    if _service_model is None:
        _service_model = botocore.session.get_session().get_service_model("cloudwatch")
    return _service_model


def _request_to_json(value):
    """A decoded CBOR request as JSON 1.0 writes it (timestamps as epoch seconds, blobs as base64)."""
    if isinstance(value, dict):
        return {key: _request_to_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_request_to_json(item) for item in value]
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def _response_to_cbor(value, shape):
    """moto's JSON value of `shape` as the CBOR value the Go SDK reads for that shape."""
    if value is None or shape is None:
        return value
    kind = shape.type_name
    if kind == "structure":
        return {key: _response_to_cbor(item, shape.members.get(key)) for key, item in value.items()}
    if kind == "list":
        return [_response_to_cbor(item, shape.member) for item in value]
    if kind == "map":
        return {key: _response_to_cbor(item, shape.value) for key, item in value.items()}
    if kind == "timestamp":
        if isinstance(value, str):
            value = datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        return cbor2.CBORTag(1, float(value))
    if kind in ("double", "float"):
        return float(value)
    if kind in ("integer", "long", "short", "byte"):
        return int(value)
    if kind == "blob":
        return base64.b64decode(value)
    return value


def _error_to_cbor(document, operation):
    """moto's JSON error (`__type`, `Message`, members) as AWS sends it: `__type` names the error
    shape (moto names it by its Query code: `...#ResourceNotFound` for DashboardNotFoundError), and
    the message is under `message`."""
    error = {key: item for key, item in document.items() if key not in ("Message", "message")}
    error["message"] = document.get("message") or document.get("Message") or ""
    code = str(error.get("__type", "")).split("#")[-1]
    error_shapes = _model().operation_model(operation).error_shapes if operation in _model().operation_names else []
    for shape in error_shapes:
        if code in (shape.name, shape.metadata.get("error", {}).get("code")):
            error["__type"] = f"com.amazonaws.cloudwatch#{shape.name}"
            break
    return error


def _serve_cbor(app, environ, start_response):
    operation = environ["PATH_INFO"][len(_PATH_PREFIX):]
    length = int(environ.get("CONTENT_LENGTH") or 0)
    raw = environ["wsgi.input"].read(length) if length else b""
    if environ.get("HTTP_CONTENT_ENCODING") == "gzip":  # PutMetricData may be compressed
        raw = gzip.decompress(raw)
    body = json.dumps(_request_to_json(cbor2.loads(raw)) if raw else {}).encode()
    inner = dict(environ)
    inner.update({
        "PATH_INFO": "/",
        "QUERY_STRING": "",
        "CONTENT_TYPE": "application/x-amz-json-1.0",
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_X_AMZ_TARGET": f"{_TARGET_PREFIX}.{operation}",
        "wsgi.input": io.BytesIO(body),
    })
    inner.pop("HTTP_CONTENT_ENCODING", None)

    answer = {}
    chunks = []

    def capture(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, headers
        return chunks.append

    try:
        result = _original_call(app, inner, capture)
        try:
            chunks.extend(result)
        finally:
            getattr(result, "close", lambda: None)()
    except Exception as error:  # e.g. NotImplementedError for an operation moto lacks
        traceback.print_exc()
        answer["status"], answer["headers"] = "500 Internal Server Error", []
        chunks[:] = [json.dumps({"__type": "InternalFailure", "Message": f"moto: {error!r}"}).encode()]
    text = b"".join(chunks)
    status = answer["status"]
    try:
        document = json.loads(text) if text.strip() else {}
    except ValueError:  # not JSON: an operation moto lacks (its 404 page) or a crash (500)
        document = {"__type": "InternalFailure", "Message": text.decode(errors="replace")[:1000]}
    if status.startswith("200"):
        shape = _model().operation_model(operation).output_shape
        payload = _response_to_cbor(document, shape)
    else:
        payload = _error_to_cbor(document, operation)
    encoded = cbor2.dumps(payload)
    headers = [(name, value) for name, value in answer["headers"]
               if name.lower() in ("x-amzn-requestid", "x-amzn-query-error")]
    headers += [
        ("smithy-protocol", "rpc-v2-cbor"),
        ("Content-Type", "application/cbor"),
        ("Content-Length", str(len(encoded))),
    ]
    start_response(status, headers)
    return [encoded]


_original_call = DomainDispatcherApplication.__call__


def _call(self, environ, start_response):
    if environ.get("PATH_INFO", "").startswith(_PATH_PREFIX):
        return _serve_cbor(self, environ, start_response)
    return _original_call(self, environ, start_response)


def apply():
    """Wraps moto's dispatcher (once)."""
    if getattr(DomainDispatcherApplication, "_cloudwatch_cbor_applied", False):
        return
    DomainDispatcherApplication.__call__ = _call
    DomainDispatcherApplication._cloudwatch_cbor_applied = True
