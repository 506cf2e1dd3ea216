"""Headless preview: the admin's preview shows the frontend's preview route, which asks the API
for the previewed content with a signed, expiring token.

When IGREN_FRONTEND_URL is set, an Igren page's preview (Wagtail's preview panel and "preview
in new tab") answers with a redirect to IGREN_PREVIEW_URL (default {frontend}/preview) with
`?token=…&type=Event&path=…`. The page as it stands in the editor, unsaved changes included, is
kept in the shared cache under a random key for IGREN_PREVIEW_MAX_AGE seconds (default one
hour); the token signs that key with the page and revision it was made for. `preview(token:)`
in the API returns that content through the same types as live pages. A bad, tampered or
expired token is an error with its code, never a 500; without a frontend URL the admin preview
stays Wagtail's own.
"""

import secrets
import urllib.parse

from django.apps import apps
from django.core import signing
from django.core.cache import cache
from django.http import HttpResponseRedirect
from wagtail.models import Page

from igren_cms.conf import frontend_url, preview_max_age, preview_url
from pages.events import relations
from pages.inputs import BadInput
from pages.routing import site_path

SALT = "igren.preview"
CACHE_PREFIX = "igren:preview:"


class PreviewTokenError(BadInput):
    """A preview token the client must replace (bad or expired); `code` says which."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def issue(page) -> str:
    """Keep `page` as it stands (unsaved changes included) and return a token for it."""
    provisional_url_path(page)
    key = secrets.token_urlsafe(18)
    revision_id = getattr(page, "latest_revision_id", None)
    cache.set(
        CACHE_PREFIX + key,
        {
            "model": page._meta.label_lower,
            "page_id": page.pk,
            "revision_id": revision_id,
            "content": page.serializable_data(),
        },
        preview_max_age(),
    )
    return signing.dumps({"k": key, "p": page.pk, "r": revision_id}, salt=SALT, compress=True)


def provisional_url_path(page) -> None:
    """A page not saved yet gets the url_path it will have: its parent's and its slug.

    Wagtail's preview on create places the page in the tree (`path`) and sets `url_path` before
    the slug has its default (made from the title when left empty), so the path would end in
    "//"; the frontend's preview route needs the page's future address."""
    if page.pk is not None or not page.path or not page.slug:
        return
    parent = Page.objects.filter(path=page.path[: -Page.steplen]).first()
    if parent is not None:
        page.set_url_path(parent)


def load(token: str):
    """The previewed page (an unsaved instance of its specific model) for a valid token."""
    try:
        claims = signing.loads(token, salt=SALT, max_age=preview_max_age())
    except signing.SignatureExpired:
        raise PreviewTokenError(
            "This preview link has expired; open the preview again in the admin.",
            "PREVIEW_TOKEN_EXPIRED",
        ) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise PreviewTokenError(
            "This preview token is not valid.", "PREVIEW_TOKEN_INVALID"
        ) from None
    stored = cache.get(CACHE_PREFIX + str(claims.get("k"))) if isinstance(claims, dict) else None
    if (
        stored is None
        or stored["page_id"] != claims.get("p")
        or stored["revision_id"] != claims.get("r")
    ):
        raise PreviewTokenError(
            "This preview has expired; open the preview again in the admin.",
            "PREVIEW_TOKEN_EXPIRED",
        )
    if claims.get("p") is not None:
        current = Page.objects.filter(pk=claims["p"]).values_list("latest_revision_id", flat=True)
        if list(current) != [claims.get("r")]:
            raise PreviewTokenError(
                "The page has been saved since this preview; open the preview again.",
                "PREVIEW_TOKEN_EXPIRED",
            )
    model = apps.get_model(stored["model"])
    return model.from_serializable_data(stored["content"], check_fks=False, strict_fks=False)


# Page model -> its GraphQL type name, registered by the API as it builds its types (before any
# request is served: the URL configuration imports the schema).
TYPE_NAMES: dict[type, str] = {}


def redirect_to_frontend(page, request):
    """The preview response in headless mode: off to the frontend's preview route."""
    token = issue(page)
    # `type` is the GraphQL type the page comes back as (Event); `model` the Django model's
    # name (EventPage), which `type` was in contract 1.0.
    model = type(page).__name__
    query = {"token": token, "type": TYPE_NAMES.get(type(page), model), "model": model}
    path = site_path(page, request)
    if path:
        query["path"] = path
    return HttpResponseRedirect(f"{preview_url()}?{urllib.parse.urlencode(query)}")


def headless() -> bool:
    return bool(frontend_url())


def attach_relations(event, audience):
    """An event's relations as they stand in the editor (unsaved choices included)."""
    event.keep_relations(audience, relations.from_editor(event, audience))
    return event
