#!/usr/bin/env python3
"""Exercise an emulator (or any endpoint) with Huawei Cloud's official MetaStudio SDK for Python.

The SDK signs every request with its own SDK-HMAC-SHA256 signer and parses every answer with its own models, so an
endpoint it accepts end to end checks signatures and speaks response shapes the way the real service does.

Sequence: Show the job, Update it (a name, a contact, two training-video parts, background replacement on), then the
commands CONFIRM_MULTIPART_UPLOADED and SUBMITVERIFYING. Every answer is written to stdout as one JSON object per
line: {"call": ..., "status": ..., "body": ...} on success, {"call": ..., "status": ..., "error_code": ...,
"error_msg": ..., "request_id": ...} when the service answered with an error, {"call": ..., "sdk_error": ...} when
the SDK failed by itself. Exit status 0 means the sequence went as expected.

With --expect-status N the Update must be refused with HTTP status N (a job whose state forbids updates); the probe
stops there and exits 0 only if it was.

Keys come from --ak/--sk or, better (they stay out of `ps`), CLOUD_SDK_AK/CLOUD_SDK_SK. The SDK is installed by
scripts/sdk-venv.sh (huaweicloudsdkcore and huaweicloudsdkmetastudio 3.1.219).
"""
import argparse
import json
import os
import sys

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions import exceptions as sdk_errors
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkmetastudio.v1 import (
    Execute2dModelTrainingCommandByUserReq,
    Execute2dModelTrainingCommandByUserRequest,
    MetaStudioClient,
    Show2dModelTrainingJobRequest,
    Update2dModelTrainingJobReq,
    Update2dModelTrainingJobRequest,
)

COMMANDS = ("CONFIRM_MULTIPART_UPLOADED", "SUBMITVERIFYING")
EXPECTED_PARTS = 2


def emit(record):
    print(json.dumps(record, ensure_ascii=False), flush=True)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--endpoint", required=True, help="base URL of the service, e.g. http://127.0.0.1:8080")
    parser.add_argument("--project-id", default=os.environ.get("CLOUD_SDK_PROJECT_ID"))
    parser.add_argument("--job-id", required=True)
    parser.add_argument("--ak", default=os.environ.get("CLOUD_SDK_AK"))
    parser.add_argument("--sk", default=os.environ.get("CLOUD_SDK_SK"))
    parser.add_argument("--app-user-id", help="value of the X-App-UserId header on every call")
    parser.add_argument("--expect-status", type=int, help="the Update must be refused with this HTTP status")
    arguments = parser.parse_args()
    missing = [name for name in ("ak", "sk", "project_id") if not getattr(arguments, name)]
    if missing:
        parser.error("missing " + ", ".join("--" + name.replace("_", "-") for name in missing)
                     + " (or CLOUD_SDK_AK / CLOUD_SDK_SK / CLOUD_SDK_PROJECT_ID)")
    return arguments


def make_client(arguments):
    config = HttpConfig.get_default_config()
    config.ignore_ssl_verification = True  # the emulator speaks plain HTTP on loopback
    config.timeout = (5, 30)
    credentials = BasicCredentials(arguments.ak, arguments.sk, arguments.project_id)
    return (MetaStudioClient.new_builder()
            .with_credentials(credentials)
            .with_endpoints([arguments.endpoint])
            .with_http_config(config)
            .build())


class Prober:
    def __init__(self, client, app_user_id):
        self.client = client
        self.app_user_id = app_user_id

    def call(self, name, method, request):
        """Makes one call, reports it, and returns (response, error); exactly one of the two is None."""
        if self.app_user_id is not None and hasattr(request, "x_app_user_id"):
            request.x_app_user_id = self.app_user_id
        try:
            response = method(request)
        except sdk_errors.ClientRequestException as error:
            emit({"call": name, "status": error.status_code, "error_code": error.error_code,
                  "error_msg": error.error_msg, "request_id": error.request_id})
            return None, error
        except sdk_errors.SdkException as error:
            emit({"call": name, "sdk_error": str(error)})
            return None, error
        emit({"call": name, "status": response.status_code, "body": response.to_json_object()})
        return response, None


def run(arguments):
    client = make_client(arguments)
    prober = Prober(client, arguments.app_user_id)

    _, error = prober.call("show", client.show2d_model_training_job,
                           Show2dModelTrainingJobRequest(job_id=arguments.job_id))
    if error is not None:
        return 1

    update = Update2dModelTrainingJobReq(name="测试角色", contact="1**********",
                                         video_multipart_count=EXPECTED_PARTS, is_background_replacement=True)
    response, error = prober.call("update", client.update2d_model_training_job,
                                  Update2dModelTrainingJobRequest(job_id=arguments.job_id, body=update))
    if arguments.expect_status is not None:
        refused = isinstance(error, sdk_errors.ClientRequestException) and error.status_code == arguments.expect_status
        if not refused:
            emit({"call": "update", "expected_status": arguments.expect_status, "outcome": "mismatch"})
        return 0 if refused else 1
    if error is not None:
        return 1
    urls = response.training_video_upload_url or []
    if len(urls) != EXPECTED_PARTS:
        emit({"call": "update", "problem": f"{len(urls)} training_video_upload_url entries, expected {EXPECTED_PARTS}"})
        return 1

    for command in COMMANDS:
        request = Execute2dModelTrainingCommandByUserRequest(
            job_id=arguments.job_id, body=Execute2dModelTrainingCommandByUserReq(command=command))
        _, error = prober.call(command, client.execute2d_model_training_command_by_user, request)
        if error is not None:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(run(parse_arguments()))
