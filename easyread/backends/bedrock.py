"""The `bedrock` backend: Claude on Amazon Bedrock, through the `anthropic` SDK's `AnthropicBedrock`.

The same requests as the `anthropic` backend (the section text goes to Bedrock in your AWS region,
not to Anthropic's API), with the model id Bedrock knows (`--model`, e.g. an inference profile
such as `eu.anthropic.claude-sonnet-4-5-20250929-v1:0`). Credentials: a Bedrock API key in
AWS_BEARER_TOKEN_BEDROCK, or the usual AWS credentials and region, which need the optional
`boto3`/`botocore` packages: the `bedrock` extra (`easyread.install.install_hint`).
"""

from __future__ import annotations

import os
from typing import Any

from easyread.aws_env import TOKEN_VARIABLE, aws_region
from easyread.backends.anthropic import AnthropicBackend
from easyread.errors import UsageError


class BedrockBackend(AnthropicBackend):
    name = "bedrock"

    def credential(self, dry_run: bool) -> str:
        token = os.environ.get(TOKEN_VARIABLE, "").strip()
        if dry_run:
            return token
        if not aws_region() and not os.environ.get("AWS_PROFILE"):
            raise UsageError(None, "the bedrock backend needs an AWS region: set AWS_REGION, or use --backend rules")
        if not token:
            try:
                import botocore  # noqa: F401 - signs requests made with AWS credentials
            except ImportError:
                from easyread.install import install_hint

                raise UsageError(None, f"the bedrock backend needs {TOKEN_VARIABLE}, or AWS credentials and "
                                       f"{install_hint('bedrock')}") from None
        return token

    def model_or_default(self, model: str | None) -> str:
        if not model:
            raise UsageError(None, "the bedrock backend needs a model: give its Bedrock id with --model, e.g. "
                                   "eu.anthropic.claude-sonnet-4-5-20250929-v1:0")
        return model

    @property
    def cache_scope(self) -> str:
        return f"bedrock@{self.base_url or os.environ.get('AWS_REGION') or os.environ.get('AWS_DEFAULT_REGION', '')}"

    def make_client(self) -> Any:
        import anthropic

        try:
            return anthropic.AnthropicBedrock(api_key=self._secret or None, base_url=self.base_url,
                                              max_retries=self.retries, timeout=self.timeout,
                                              http_client=anthropic.DefaultHttpxClient(event_hooks=self.request_hooks()))
        except ValueError as error:  # no region, or a key and AWS credentials both given
            raise UsageError(None, f"the bedrock backend cannot start: {self.scrub(str(error))}") from None
