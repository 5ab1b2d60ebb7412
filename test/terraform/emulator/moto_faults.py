"""Faults a scenario injects to fail an apply partway (failed-apply.terraform.ts): the operation
named in the JSON file at $MOTO_FAULTS_FILE ({"update_stage": 1}) fails that many times with a
400, which the provider does not retry, and then works again. Emulator.failNext() writes the file.
"""

import json
import os

from moto.apigateway import models
from moto.apigateway.exceptions import BadRequestException

FAULTABLE_OPERATIONS = ("update_stage", "put_integration", "create_deployment")


def _take_fault(operation):
    """Whether this call of `operation` is to fail (counting it down in the file)."""
    path = os.environ.get("MOTO_FAULTS_FILE")
    if not path or not os.path.exists(path):
        return False
    with open(path) as file:
        faults = json.load(file)
    if faults.get(operation, 0) <= 0:
        return False
    faults[operation] -= 1
    with open(path, "w") as file:
        json.dump(faults, file)
    return True


def _failing_once(operation, original):
    def call(self, *args, **kwargs):
        if _take_fault(operation):
            raise BadRequestException(f"Injected fault: {operation} fails this once (the harness's failed-apply scenario)")
        return original(self, *args, **kwargs)

    return call


def apply():
    """Wraps the faultable operations (once)."""
    if getattr(models.APIGatewayBackend, "_faults_applied", False):
        return
    for operation in FAULTABLE_OPERATIONS:
        setattr(models.APIGatewayBackend, operation, _failing_once(operation, getattr(models.APIGatewayBackend, operation)))
    models.APIGatewayBackend._faults_applied = True
