"""Images with renditions a client chooses from an allow-list (`IGREN_IMAGES`).

A rendition is a file Wagtail makes once and keeps: `rendition(width, height, format)` and
`srcSet(widths, format)` accept only the sizes and formats of the allow-list, so a client
cannot make the server write one file per pixel size. A crop (`height` given) is Wagtail's
`fill-` filter, which keeps the focal point in the frame; a width alone scales (`width-`),
never beyond the original.
"""

import logging

import graphene
from PIL import features
from wagtail.images import get_image_model

from igren_cms.conf import image_setting
from pages.inputs import BadInput
from pages.renditions import prefetch_renditions
from pages.request_state import state_of

from .context import audience
from .nodes import Node, keyed, register_kind

logger = logging.getLogger(__name__)

FORMAT_MEANINGS = {
    "jpeg": "JPEG: photos, every browser.",
    "png": "PNG: lossless, for drawings and screenshots.",
    "webp": "WebP: smaller than JPEG, every current browser.",
    "avif": "AVIF: smallest, most current browsers; where this server's Pillow can write it.",
}


class ImageFormat(graphene.Enum):
    """A file format a rendition can be written in."""

    JPEG = "jpeg"
    PNG = "png"
    WEBP = "webp"
    AVIF = "avif"

    @property
    def description(self):
        return FORMAT_MEANINGS[self.value]


def writable_formats() -> tuple[str, ...]:
    """Formats allowed by the settings that this server can write."""
    can_write = {"jpeg": True, "png": True, "webp": features.check("webp")}
    can_write["avif"] = features.check("avif")
    return tuple(f for f in image_setting("FORMATS") if can_write.get(f))


def _allowed(name: str, value: int, allowed) -> int:
    if value not in allowed:
        listed = ", ".join(str(v) for v in allowed)
        raise BadInput(f"{name} {value} is not an allowed size; use one of: {listed}.")
    return value


def _format_suffix(fmt) -> str:
    if fmt is None:
        return ""
    value = getattr(fmt, "value", fmt)
    if value not in writable_formats():
        listed = ", ".join(f.upper() for f in writable_formats())
        raise BadInput(f"format {value.upper()} is not available here; use one of: {listed}.")
    return f"|format-{value}"


def rendition_spec(width: int, height: int | None = None, fmt=None) -> str:
    """The Wagtail filter spec for an allowed size and format, or BadInput."""
    _allowed("width", width, image_setting("WIDTHS"))
    if height is None:
        spec = f"width-{width}"
    else:
        _allowed("height", height, image_setting("HEIGHTS"))
        spec = f"fill-{width}x{height}"
    return spec + _format_suffix(fmt)


class RenditionBatches:
    """Images loaded together (the items of one list) get their existing renditions in one
    query, when the first of them is asked for a rendition; without this, every image of a
    50-event list cost a query (or a cache round trip) of its own."""

    def __init__(self):
        self._batch_of: dict[int, list] = {}  # id(image instance) -> the images loaded with it

    def register(self, image, images) -> None:
        """`image` was loaded with `images` (a callable giving them, called once)."""
        if id(image) in self._batch_of or hasattr(image, "prefetched_renditions"):
            return
        batch = [member for member in images() if member is not None]
        for member in batch:
            self._batch_of.setdefault(id(member), batch)

    def load_for(self, image) -> None:
        batch = self._batch_of.get(id(image))
        if batch is None:
            return
        for member in batch:
            self._batch_of.pop(id(member), None)
        prefetch_renditions(batch)


def batches(info) -> RenditionBatches:
    """This request's batches (one per request, like its Audience)."""
    return state_of(info.context).keep("rendition_batches", RenditionBatches)


def _renditions(image, specs):
    """Renditions by spec (one query for those that exist), or None if the file is missing."""
    try:
        return image.get_renditions(*specs)
    except OSError:  # Wagtail's SourceImageIOError included
        # The original is gone from storage: a server-side problem, logged once per request.
        logger.warning("Image %s: original file %s is unreadable", image.pk, image.file.name)
        return None


class FocalPoint(graphene.ObjectType):
    """The part of an image that matters, in pixels of the original (centre and size)."""

    x = graphene.Int(required=True, description="Centre, from the left edge.")
    y = graphene.Int(required=True, description="Centre, from the top edge.")
    width = graphene.Int(required=True, description="Width of the area.")
    height = graphene.Int(required=True, description="Height of the area.")


ImageModel = get_image_model()
RenditionModel = ImageModel.get_rendition_model()


@register_kind(
    RenditionModel,
    lambda audience: audience.filter_media(
        RenditionModel.objects.select_related("image"), prefix="image__"
    ),
)
class Rendition(graphene.ObjectType):
    """A resized (and possibly cropped or converted) copy of an image."""

    class Meta:
        interfaces = (Node,)

    resolve_id = keyed("Rendition")

    url = graphene.String(required=True, description="Absolute URL of the file.")
    width = graphene.Int(required=True, description="Width in pixels.")
    height = graphene.Int(required=True, description="Height in pixels.")

    resolve_url = staticmethod(lambda r, info: info.context.build_absolute_uri(r.url))


@register_kind(
    ImageModel,
    lambda audience: audience.filter_media(ImageModel.objects.select_related("collection")),
)
class Image(graphene.ObjectType):
    """An image in a public collection, with renditions from the allowed sizes and formats."""

    class Meta:
        interfaces = (Node,)

    resolve_id = keyed("Image")

    title = graphene.String(required=True, description="Title given by the editor.")
    alt = graphene.String(
        required=True, description="Alternative text: the description, else the title."
    )
    width = graphene.Int(required=True, description="Original width in pixels.")
    height = graphene.Int(required=True, description="Original height in pixels.")
    url = graphene.String(
        required=True, description="Absolute URL of the original file (prefer renditions)."
    )
    focal_point = graphene.Field(FocalPoint, description="Set by the editor; null if not set.")
    rendition = graphene.Field(
        Rendition,
        width=graphene.Int(required=True, description="One of the allowed widths."),
        height=graphene.Int(description="One of the allowed heights: crop to width x height."),
        format=graphene.Argument(ImageFormat, description="File format; default the original's."),
        description=(
            "A copy at an allowed size (IGREN_IMAGES; default widths 320, 640, 960, 1280, 1920)."
            " With a height it is cropped around the focal point. Null if the original file is"
            " unreadable."
        ),
    )
    src_set = graphene.String(
        widths=graphene.List(
            graphene.NonNull(graphene.Int), description="Allowed widths; default all of them."
        ),
        format=graphene.Argument(ImageFormat, description="File format; default the original's."),
        description=(
            "An HTML `srcset` value (`url 320w, url 640w, …`). Widths wider than the original are"
            " left out (the original's width stands in if all are). Null if the original file is"
            " unreadable."
        ),
    )

    resolve_alt = staticmethod(lambda image, info: image.default_alt_text)

    @staticmethod
    def resolve_url(image, info):
        return info.context.build_absolute_uri(image.file.url)

    @staticmethod
    def resolve_focal_point(image, info):
        if not image.has_focal_point():
            return None
        return FocalPoint(
            x=image.focal_point_x,
            y=image.focal_point_y,
            width=image.focal_point_width or 0,
            height=image.focal_point_height or 0,
        )

    @staticmethod
    def resolve_rendition(image, info, width, height=None, format=None):
        spec = rendition_spec(width, height, format)
        batches(info).load_for(image)
        found = _renditions(image, [spec])
        return None if found is None else found[spec]

    @staticmethod
    def resolve_src_set(image, info, widths=None, format=None):
        allowed = tuple(image_setting("WIDTHS"))
        widths = tuple(dict.fromkeys(widths if widths is not None else allowed))
        if not widths:
            raise BadInput("widths must name at least one width.")
        for w in widths:
            _allowed("width", w, allowed)
        suffix = _format_suffix(format)
        fitting = [w for w in sorted(widths) if w <= image.width] or [min(widths)]
        specs = [f"width-{w}{suffix}" for w in fitting]
        batches(info).load_for(image)
        found = _renditions(image, specs)
        if found is None:
            return None
        by_width = {}
        for spec in specs:
            r = found[spec]
            by_width.setdefault(r.width, r)
        build = info.context.build_absolute_uri
        return ", ".join(f"{build(r.url)} {w}w" for w, r in sorted(by_width.items()))


def public_image(info, image):
    """The image if its collection is public (needs image__collection loaded), else None."""
    if image is None or not audience(info).allows_collection(image.collection):
        return None
    return image
