"""Per-request state for resolvers: one visibility snapshot shared by every resolver, and the
language a list is asked in."""

import graphene
from wagtail.models import Page

from igren_cms.conf import i18n_enabled
from pages import locales
from pages.visibility import Audience, audience_for


def audience(info, root=None, locale=None, fallback=None) -> Audience:
    """The request's audience. A list is in the language asked for (`locale`, `fallback`), else
    in that of the index page it is asked of (`root`), else in the default language."""
    base = audience_for(info.context)
    on_page = isinstance(root, Page) and i18n_enabled()
    if locale is None and fallback is None and not on_page:
        return base
    if locale is None and on_page:
        locale = locales.language_of(root.locale_id, info.context)
    return base.in_locale(locales.choice(info.context, locale, fallback))


def any_locale(info) -> Audience:
    """For a page asked by its id or path: whatever its language."""
    return audience_for(info.context).any_locale()


def for_lookup(info, id) -> Audience:
    """`event(id:)` finds a page in any language; `event(slug:)` in the default one."""
    return any_locale(info) if id is not None else audience(info)


def locale_args() -> dict:
    """`locale` and `fallback`, the arguments of every list that can be asked in a language."""
    return {
        "locale": graphene.String(
            description="The language of the list, a BCP 47 code of the site's content "
            "languages (ja, en). Default: the language of the index page the list is asked "
            "of, else the site's default (ja). BAD_USER_INPUT for another code."
        ),
        "fallback": graphene.Boolean(
            description="In a language other than the default: also list what is not "
            "translated into it, in the default language (each item says its `locale`). "
            "Default: the site's setting (IGREN_LOCALE_FALLBACK, on)."
        ),
    }
