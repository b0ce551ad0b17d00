"""The image APIs `--pictures generate` can draw with: one request in, the picture's bytes out.

- `bedrock`: a Stability AI model on Amazon Bedrock (default `stability.stable-image-core-v1:1`),
  through the user's AWS account: boto3's `bedrock-runtime` `invoke_model` with the usual AWS
  credentials and region (the `bedrock` extra), or, without boto3, a Bedrock API key in
  AWS_BEARER_TOKEN_BEDROCK sent as a bearer token to the same InvokeModel address. Request and
  answer: AWS, *Stable Image Core request and response* (Bedrock user guide): `prompt`,
  `negative_prompt`, `aspect_ratio`, `output_format`; `images` (base64), `finish_reasons` (null, or
  "Filter reason: ..." for a refusal).
- `openai`: any OpenAI-compatible images endpoint (`openai` SDK, `images.generate`), with
  `--image-base-url` for a server of your own; the key in OPENAI_API_KEY (not needed for a server
  on this machine or network).

Every failure is an `ImageFailure` with one short reason, secrets scrubbed; `fatal` marks one that
every later request would meet too (a refused key), so the caller stops asking.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from easyread.aws_env import TOKEN_VARIABLE, aws_region
from easyread.errors import UsageError
from easyread.limits import MAX_PICTURE_BYTES
from easyread.secrets import scrub

GENERATE = "generate"  # the --pictures value that draws pictures with an image API
IMAGE_APIS = ("bedrock", "openai")
DEFAULT_MODELS = {"bedrock": "stability.stable-image-core-v1:1", "openai": "gpt-image-1"}
DEFAULT_TIMEOUT = 120.0  # seconds for one picture; Stable Image Core answers in about 5
OPENAI_SIZE = "1024x1024"  # the square size every OpenAI image model accepts
_MAX_BASE64 = MAX_PICTURE_BYTES * 4 // 3 + 4  # a longer base64 text decodes to more than the limit

Draw = Callable[[str, str], bytes]  # (prompt, what to avoid) -> the picture's bytes


class ImageFailure(Exception):
    """One picture could not be drawn: `reason` is one short line; `fatal` when no later request
    can succeed either (a refused key or model)."""

    def __init__(self, reason: str, fatal: bool = False) -> None:
        self.reason = scrub(reason)
        self.fatal = fatal
        super().__init__(self.reason)


@dataclass(frozen=True)
class ImageSettings:
    """Which image API draws the pictures: `api` ("bedrock" or "openai"), `model` and an optional
    `base_url` (a server of your own, or a Bedrock endpoint)."""

    api: str
    model: str
    base_url: str | None = None
    timeout: float = DEFAULT_TIMEOUT


def image_settings(api: str | None, model: str | None = None, base_url: str | None = None) -> ImageSettings:
    """The settings for `--image-api`, `--image-model` and `--image-base-url`; the API defaults to
    bedrock and the model to the API's default (`DEFAULT_MODELS`). UsageError for an unknown API."""
    chosen = (api or "bedrock").strip().lower()
    if chosen not in IMAGE_APIS:
        raise UsageError(None, f"unknown --image-api '{api}' (choose from: {', '.join(IMAGE_APIS)})")
    return ImageSettings(chosen, (model or "").strip() or DEFAULT_MODELS[chosen], (base_url or "").strip() or None)


def make_client(settings: ImageSettings) -> Draw:
    """A function drawing one picture with `settings`. UsageError (before anything is sent) for a
    missing credential, region or package."""
    if settings.api == "openai":
        return _openai_client(settings)
    return _bedrock_client(settings)


def decode_image(text: Any) -> bytes:
    """The bytes of a base64 picture in an answer; ImageFailure when there is none or it is too large."""
    if not isinstance(text, str) or not text:
        raise ImageFailure("the answer held no picture")
    if len(text) > _MAX_BASE64:
        raise ImageFailure("the picture is too large")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ImageFailure("the picture in the answer is not valid base64") from None


def stability_body(prompt: str, avoid: str) -> bytes:
    """The InvokeModel body for a Stability text-to-image model: one square PNG."""
    return json.dumps({"prompt": prompt, "negative_prompt": avoid, "aspect_ratio": "1:1",
                       "output_format": "png"}).encode("utf-8")


def stability_picture(answer: bytes) -> bytes:
    """The picture in a Stability answer; ImageFailure for a refusal ("Filter reason: prompt") or
    an answer without one."""
    try:
        data = json.loads(answer)
    except (ValueError, UnicodeDecodeError):
        raise ImageFailure("the answer is not JSON") from None
    if not isinstance(data, dict):
        raise ImageFailure("the answer is not a JSON object")
    reasons = [reason for reason in data.get("finish_reasons") or [] if reason]
    if reasons:
        raise ImageFailure(f"refused: {str(reasons[0])[:120]}")
    images = data.get("images") or []
    return decode_image(images[0] if isinstance(images, list) and images else None)


def _bedrock_client(settings: ImageSettings) -> Draw:
    region = aws_region()
    if not region and not os.environ.get("AWS_PROFILE"):
        raise UsageError(None, "--image-api bedrock needs an AWS region: set AWS_REGION (Stability models are "
                               "in us-west-2)")
    try:
        import boto3  # noqa: F401
    except ImportError:
        token = os.environ.get(TOKEN_VARIABLE, "").strip()
        if not token:
            from easyread.install import install_hint

            raise UsageError(None, f"--image-api bedrock needs {TOKEN_VARIABLE}, or AWS credentials and "
                                   f"{install_hint('bedrock')}") from None
        return _bedrock_with_token(settings, region, token)
    return _bedrock_with_boto3(settings, region)


def _bedrock_with_boto3(settings: ImageSettings, region: str) -> Draw:
    import boto3
    from botocore.config import Config

    client = boto3.client("bedrock-runtime", region_name=region or None, endpoint_url=settings.base_url,
                          config=Config(read_timeout=settings.timeout, connect_timeout=10,
                                        retries={"max_attempts": 3, "mode": "standard"}))

    def draw(prompt: str, avoid: str) -> bytes:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            answer = client.invoke_model(modelId=settings.model, body=stability_body(prompt, avoid),
                                         contentType="application/json", accept="application/json")
            body = answer["body"].read(_MAX_BASE64 + 65536)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            fatal = code in ("AccessDeniedException", "UnrecognizedClientException", "ResourceNotFoundException")
            raise ImageFailure(f"Bedrock refused it ({code or 'error'}: "
                               f"{error.response.get('Error', {}).get('Message', '')[:160]})", fatal) from None
        except BotoCoreError as error:
            raise ImageFailure(f"Bedrock could not be reached ({type(error).__name__})") from None
        return stability_picture(body)

    return draw


def _bedrock_with_token(settings: ImageSettings, region: str, token: str) -> Draw:
    """InvokeModel with a Bedrock API key as a bearer token, by the standard library's urllib (one
    POST; no SDK needed)."""
    import urllib.error
    import urllib.request

    if not (settings.base_url or "https://").startswith(("http://", "https://")):
        raise UsageError(None, f"--image-base-url must start with http:// or https://, not '{settings.base_url}'")
    base = (settings.base_url or f"https://bedrock-runtime.{region}.amazonaws.com").rstrip("/")
    address = f"{base}/model/{quote(settings.model, safe='')}/invoke"
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"}

    def draw(prompt: str, avoid: str) -> bytes:
        request = urllib.request.Request(address, data=stability_body(prompt, avoid), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=settings.timeout) as answer:  # noqa: S310 - http(s) only
                return stability_picture(answer.read(_MAX_BASE64 + 65536))
        except urllib.error.HTTPError as error:
            text = error.read(400).decode("utf-8", "replace")
            raise ImageFailure(f"Bedrock answered {error.code} ({text[:160]})", error.code in (401, 403, 404)) from None
        except (urllib.error.URLError, OSError) as error:  # refused, unreachable, timed out
            raise ImageFailure(f"Bedrock could not be reached ({type(error).__name__})") from None

    return draw


def _openai_client(settings: ImageSettings) -> Draw:
    try:
        import openai
    except ImportError:
        from easyread.install import install_hint

        raise UsageError(None, f"--image-api openai needs {install_hint('openai')}") from None
    from easyread.backends.local import is_local

    base_url = settings.base_url or os.environ.get("OPENAI_BASE_URL") or None
    key = os.environ.get("OPENAI_API_KEY", "").strip()
    if not key:
        if not is_local(base_url):
            raise UsageError(None, "--image-api openai needs OPENAI_API_KEY (or --image-base-url for a server on "
                                   "this machine or network)")
        key = "not-needed"  # a local server takes any key; the SDK wants one
    client = openai.OpenAI(api_key=key, base_url=base_url, timeout=settings.timeout, max_retries=2)
    # gpt-image models always answer in base64 and refuse response_format (the others need it asked);
    # their medium quality is the one priced in data/prices.toml
    extra = {"quality": "medium"} if settings.model.startswith("gpt-image") else {"response_format": "b64_json"}

    def draw(prompt: str, avoid: str) -> bytes:
        try:
            answer = client.images.generate(model=settings.model, prompt=f"{prompt} Do not show: {avoid}.",
                                            n=1, size=OPENAI_SIZE, **extra)
        except (openai.AuthenticationError, openai.PermissionDeniedError, openai.NotFoundError) as error:
            raise ImageFailure(f"the images endpoint refused it ({error.status_code})", fatal=True) from None
        except openai.APIStatusError as error:
            raise ImageFailure(f"the images endpoint answered {error.status_code} "
                               f"({str(error.message)[:160]})") from None
        except openai.APIError as error:
            raise ImageFailure(f"the images endpoint could not be reached ({type(error).__name__})") from None
        pictures = getattr(answer, "data", None) or []
        if pictures and not pictures[0].b64_json and pictures[0].url:
            raise ImageFailure("the endpoint answered with a link, not the picture (links are not fetched)")
        return decode_image(pictures[0].b64_json if pictures else None)

    return draw
