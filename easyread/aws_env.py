"""The environment variables Amazon Bedrock is reached with, for the `bedrock` backend and for
`--pictures generate --image-api bedrock` alike (AWS, *Amazon Bedrock API keys* and the AWS SDKs'
configuration: AWS_REGION, then AWS_DEFAULT_REGION)."""

from __future__ import annotations

import os

TOKEN_VARIABLE = "AWS_BEARER_TOKEN_BEDROCK"  # a Bedrock API key, sent as a bearer token
REGION_VARIABLES = ("AWS_REGION", "AWS_DEFAULT_REGION")


def aws_region() -> str:
    """The AWS region set in the environment, or "" when none is."""
    return next((os.environ[name] for name in REGION_VARIABLES if os.environ.get(name)), "")
