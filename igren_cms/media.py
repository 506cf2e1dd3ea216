"""Uploaded files through the visibility gate: the one way `MEDIA_URL` is served.

The proxy in front never serves `MEDIA_ROOT` from disk (igren_site/Caddyfile): that would skip
every rule below.

- `images/…`, the renditions: served when the image's collection is public (the rule of
  pages.visibility), and to signed-in admin users (the admin's thumbnails of restricted images);
  anyone else gets 404, as for a file that does not exist.
- `original_images/…`: admin users only. Public outputs hand out renditions, never originals.
- `documents/…`: never. Wagtail's document view (`/documents/<id>/<name>`) checks the
  collection's restriction and answers with `Content-Disposition: attachment`.

Every answer carries `nosniff` and a sandboxing Content-Security-Policy, so an uploaded SVG (or a
file whose name lies about its type) cannot run script on the site's origin, the admin's own.
"""

import contextlib
import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model

from igren_cms.outage import survives_outage
from pages.visibility import audience_for

# Public renditions: an hour in shared caches, so an image moved into a restricted collection
# leaves them within the hour (the content version does not follow collection changes).
PUBLIC_CACHE = "public, max-age=3600"
PRIVATE_CACHE = "private, no-store"
SANDBOX = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif", "image/svg+xml"}


def is_admin_user(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


GUARDED = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": SANDBOX}


def not_found() -> HttpResponse:
    response = HttpResponse(
        "Not found", status=404, content_type="text/plain; charset=utf-8", headers=GUARDED
    )
    response["Cache-Control"] = PRIVATE_CACHE
    return response


def _image_of(name: str):
    """(image, is_original) of a stored file name, or (None, False)."""
    image_model = get_image_model()
    folder = name.split("/", 1)[0]
    if folder == "images":
        rendition = (
            image_model.get_rendition_model()
            .objects.filter(file=name)
            .select_related("image__collection")
            .first()
        )
        return (rendition.image if rendition else None), False
    if folder == "original_images":
        return image_model.objects.filter(file=name).select_related("collection").first(), True
    return None, False


def _file_response(name: str, cache_control: str) -> HttpResponse:
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError):
        return not_found()
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type, headers=GUARDED)
    if content_type not in IMAGE_TYPES:
        # Whatever the name claims, it is downloaded, never rendered.
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    with contextlib.suppress(NotImplementedError, OSError):  # a store without times
        response["Last-Modified"] = http_date(default_storage.get_modified_time(name).timestamp())
    response["Cache-Control"] = cache_control
    return response


@require_safe
@survives_outage()
def serve(request, path: str) -> HttpResponse:
    """`MEDIA_URL<path>`: the file, when the visibility gate lets this client see it."""
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith("..") or name != path.lstrip("/"):
        return not_found()  # no way out of the media folder, nor a second spelling of a file
    image, original = _image_of(name)
    if image is None:
        return not_found()
    if is_admin_user(request):
        return _file_response(name, PRIVATE_CACHE)
    if original or not audience_for(request).allows_collection(image.collection):
        return not_found()
    return _file_response(name, PUBLIC_CACHE)
