"""Content in several languages: the locale a list is in, and how a path names its language.

With Wagtail's internationalisation on (`WAGTAIL_I18N_ENABLED`), each content language is a
tree of its own: the default language's (Japanese) without a URL prefix, the others under theirs
(/en/events/…), and the pages about one thing share a `translation_key`. Without it every page
is in the one default locale and nothing here narrows anything, so a host site without i18n
works as before.

- `Choice`: a language, and whether items not translated into it fall back to the default
  language's version (`IGREN_LOCALE_FALLBACK`, default on): what `pages.visibility.Audience`
  narrows every list by.
- `split_path` and `path_prefix`: the language prefix of a site path, both ways.
- `ensure_locales`: after migrate, a Wagtail `Locale` for every content language, so a third
  language is a settings change only.
"""

from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Locale

from igren_cms.conf import content_languages, i18n_enabled, languages, locale_fallback
from pages import inputs
from pages.request_state import state_of


@dataclass(frozen=True)
class Choice:
    """Lists in `locale_id`; with `fallback`, the untranslated ones in `default_id`'s version."""

    locale_id: int
    default_id: int
    fallback: bool

    @property
    def falls_back(self) -> bool:
        return self.fallback and self.locale_id != self.default_id


CACHE_KEY = "igren:locale-ids"

# Locale id -> language code, kept by each process: a Locale's id names one language for good
# (Wagtail's admin can change a locale's code, which no one does to a language with content;
# this process forgets on any Locale change, the others on restart).
_codes: dict[int, str] = {}


def locale_ids(request=None) -> dict[str, int]:
    """Language code -> Locale id: from the shared cache (a row per language, changed when a
    language is added: `forget_locales`), once per request."""

    def load():
        found = cache.get(CACHE_KEY)
        if found is None:
            found = dict(Locale.objects.values_list("language_code", "pk"))
            cache.set(CACHE_KEY, found, 3600)
        _codes.update({pk: code for code, pk in found.items()})
        return found

    return state_of(request).keep("locale_ids", load) if request is not None else load()


def forget_locales(**kwargs) -> None:
    """post_save/post_delete of a Locale."""
    cache.delete(CACHE_KEY)
    _codes.clear()


def language_of(locale_id: int, request=None) -> str:
    """The BCP 47 code of a locale id ("ja", "en"): asked of every item of a list, so known
    ids cost nothing."""
    if locale_id is None or not i18n_enabled():  # unsaved, or content in one language
        return default_language()
    if locale_id not in _codes:  # a request's first look at the locales fills them too
        _codes.update({pk: code for code, pk in locale_ids(request).items()})
    return _codes.get(locale_id) or default_language()


def default_language() -> str:
    return content_languages()[0]


def choice(request, code: str | None = None, fallback: bool | None = None) -> Choice | None:
    """The locale lists are narrowed to: `code` (None: the default language), with `fallback`
    (None: the setting). None when content has one language only (i18n off): then any
    language the site knows asks for what there is, as with fallback."""
    if not i18n_enabled():
        if code is not None and code not in languages():
            raise inputs.BadInput(f"locale must be one of: {', '.join(languages())}.")
        return None
    ids = locale_ids(request)
    code = default_language() if code is None else inputs.text(code, "locale", max_length=20)
    if code not in content_languages() or code not in ids:
        known = ", ".join(c for c in content_languages() if c in ids)
        raise inputs.BadInput(f"locale must be one of: {known}.")
    return Choice(
        ids[code],
        ids.get(default_language(), ids[code]),
        locale_fallback() if fallback is None else bool(fallback),
    )


def split_path(path: str) -> tuple[str, str]:
    """("en", "/events/x/") from "/en/events/x/"; the default language for a path without a
    language prefix (or any path when content has one language)."""
    if i18n_enabled():
        first, _, rest = path.lstrip("/").partition("/")
        if first in content_languages()[1:]:
            return first, "/" + rest
    return default_language(), path


def path_prefix(code: str) -> str:
    """ "/en" for English, "" for the default language."""
    return "" if not i18n_enabled() or code == default_language() else f"/{code}"


def ensure_locales(apps=None, **kwargs) -> None:
    """post_migrate: a Locale for every content language (Wagtail makes the default one). A
    migrate that stopped short of Wagtail's locales (`migrate igren_snippets 0002`) has none
    to make yet."""
    if i18n_enabled():
        try:
            model = apps.get_model("wagtailcore", "Locale") if apps is not None else Locale
        except LookupError:
            return
        for code in content_languages():
            model.objects.get_or_create(language_code=code)
    forget_locales()


def in_source_order(queryset, request=None):
    """Tree order (menus, the editors' order of projects) of a list that may mix languages:
    each page sorts at the place of its default-language version, so an English list with
    fallback keeps the Japanese site's order."""
    if not i18n_enabled():
        return queryset.order_by("path")
    from django.db.models import OuterRef, Subquery
    from django.db.models.functions import Coalesce
    from wagtail.models import Page

    default_id = locale_ids(request).get(default_language())
    source = Page.objects.filter(translation_key=OuterRef("translation_key"), locale_id=default_id)
    return queryset.annotate(
        source_path=Coalesce(Subquery(source.values("path")[:1]), "path")
    ).order_by("source_path", "path")


def mark_sources(pages, request=None) -> None:
    """Give each page of another language the id of its default-language version
    (`stable_id`), in one query: an event keeps one calendar UID and feed id in every
    language."""
    if not i18n_enabled():
        return
    default_id = locale_ids(request).get(default_language())
    others = [page for page in pages if page.locale_id != default_id]
    if not others:
        return
    from wagtail.models import Page

    sources = dict(
        Page.objects.filter(
            translation_key__in={page.translation_key for page in others}, locale_id=default_id
        ).values_list("translation_key", "pk")
    )
    for page in others:
        page.source_id = sources.get(page.translation_key, page.pk)


def stable_id(page) -> int:
    """The id an output names a page by in every language: its default-language version's."""
    return page.__dict__.get("source_id", page.pk)
