#!/usr/bin/env python3
"""Create a training job with Huawei Cloud's official MetaStudio SDK and submit a video to it unchecked.

This is the way round Preflight's gate: Create through the SDK, one PUT of the video to the single upload URL the
answer gives (with the standard library; the SDK has no upload helper), then CONFIRM_MULTIPART_UPLOADED and
SUBMITVERIFYING. The service's review, not Preflight, then judges the video. Prints one JSON object per line: the
answers as {"call": ..., "status": ...} and finally {"job_id": ...}. Exit status 0 when every call succeeded.

Keys come from CLOUD_SDK_AK/CLOUD_SDK_SK (they stay out of `ps`), the project from --project-id or
CLOUD_SDK_PROJECT_ID. The SDK is installed by scripts/sdk-venv.sh.
"""
import argparse
import json
import os
import sys
import urllib.request

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions import exceptions as sdk_errors
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkmetastudio.v1 import (
    Create2dModelTrainingJobReq,
    Create2dModelTrainingJobRequest,
    Execute2dModelTrainingCommandByUserReq,
    Execute2dModelTrainingCommandByUserRequest,
    MetaStudioClient,
)


def emit(record):
    print(json.dumps(record, ensure_ascii=False), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--project-id", default=os.environ.get("CLOUD_SDK_PROJECT_ID"))
    parser.add_argument("--name", required=True)
    parser.add_argument("--video", required=True, help="the training video, sent as it is")
    arguments = parser.parse_args()
    ak, sk = os.environ.get("CLOUD_SDK_AK"), os.environ.get("CLOUD_SDK_SK")
    if not (ak and sk and arguments.project_id):
        parser.error("CLOUD_SDK_AK, CLOUD_SDK_SK and a project id are needed")

    config = HttpConfig.get_default_config()
    config.ignore_ssl_verification = True  # the emulator speaks plain HTTP on loopback
    config.timeout = (5, 60)
    client = (MetaStudioClient.new_builder()
              .with_credentials(BasicCredentials(ak, sk, arguments.project_id))
              .with_endpoints([arguments.endpoint])
              .with_http_config(config)
              .build())
    try:
        body = Create2dModelTrainingJobReq(name=arguments.name, video_multipart_count=1, is_background_replacement=False)
        created = client.create2d_model_training_job(Create2dModelTrainingJobRequest(body=body))
        emit({"call": "create", "status": created.status_code})
        urls = created.training_video_upload_url or []
        if len(urls) != 1:
            emit({"call": "create", "problem": f"{len(urls)} training-video URLs, expected 1"})
            return 1
        with open(arguments.video, "rb") as video:
            data = video.read()
        put = urllib.request.Request(urls[0], data=data, method="PUT",
                                     headers={"Content-Type": "application/octet-stream"})
        with urllib.request.urlopen(put, timeout=60) as answer:
            emit({"call": "upload", "status": answer.status})
        for command in ("CONFIRM_MULTIPART_UPLOADED", "SUBMITVERIFYING"):
            request = Execute2dModelTrainingCommandByUserRequest(
                job_id=created.job_id, body=Execute2dModelTrainingCommandByUserReq(command=command))
            answer = client.execute2d_model_training_command_by_user(request)
            emit({"call": command, "status": answer.status_code, "result": answer.commond_result})
            if answer.commond_result != "EXCUTE_SUCCESS":
                return 1
    except sdk_errors.ClientRequestException as error:
        emit({"call": "failed", "status": error.status_code, "error_code": error.error_code, "error_msg": error.error_msg})
        return 1
    emit({"job_id": created.job_id})
    return 0


if __name__ == "__main__":
    sys.exit(main())
