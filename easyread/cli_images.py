"""The options of `--pictures generate` (convert and render): which image API draws the pictures."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from easyread.errors import UsageError
from easyread.pictures.image_clients import DEFAULT_MODELS, GENERATE, ImageSettings, image_settings

ImageApiOption = Annotated[
    Optional[str],  # noqa: UP045 - typer needs Optional on Python 3.10
    typer.Option("--image-api", help="With --pictures generate: who draws the pictures: 'bedrock' (Stability "
                 "models on Amazon Bedrock, in your AWS account: AWS credentials and AWS_REGION, or "
                 "AWS_BEARER_TOKEN_BEDROCK) or 'openai' (an OpenAI-compatible images endpoint; OPENAI_API_KEY). "
                 "Only each item's picture description is sent. Default: bedrock.", show_default=False,
                 metavar="API"),
]
ImageModelOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--image-model", help=f"With --pictures generate: the image model. Default: "
                 f"{DEFAULT_MODELS['bedrock']} (bedrock), {DEFAULT_MODELS['openai']} (openai).",
                 show_default=False, metavar="NAME"),
]
ImageBaseUrlOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--image-base-url", help="With --pictures generate: the server to send picture requests to, "
                 "e.g. an images endpoint of your own (openai) or a Bedrock endpoint. Default: the provider's "
                 "(openai: OPENAI_BASE_URL if set).", show_default=False, metavar="URL"),
]


def image_choice(pictures: str | None, api: str | None, model: str | None, base_url: str | None,
                 several: bool = False, check: bool = False) -> ImageSettings | None:
    """The image API for `--pictures generate`, None for other pictures. UsageError for an image
    option without `--pictures generate`, an unknown API, or several documents (`several`: one
    document at a time for now); with `check`, also for a missing key, region or package, so that
    is said before a document is simplified (nothing is sent)."""
    if pictures != GENERATE:
        given = [name for name, value in (("--image-api", api), ("--image-model", model),
                                          ("--image-base-url", base_url)) if value is not None]
        if given:
            raise UsageError(None, f"{given[0]} is for --pictures generate")
        return None
    if several:
        raise UsageError(None, "--pictures generate converts one document at a time: give one document")
    settings = image_settings(api, model, base_url)
    if check:
        from easyread.pictures.image_clients import make_client

        make_client(settings)
    return settings
