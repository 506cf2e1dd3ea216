from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from pages import locales, routing, seo, translations
from pages.events import presenter
from pages.events.text import image_file
from pages.events.windows import TOKYO
from pages.page_urls import absolute_url
from pages.rich_text import public_html

register = template.Library()


@register.simple_tag(takes_context=True)
def public_richtext(context, value):
    """Stored rich text as the public sees it (links and images through the visibility gate);
    use instead of Wagtail's `|richtext`, which checks nothing."""
    return mark_safe(public_html(value, context.get("request")))  # noqa: S308 - Wagtail's HTML


@register.filter
def presented(event, lang="ja"):
    """The event as every output shows it (pages.events.presenter): status, place, when."""
    return event.presented(lang)


@register.filter
def jp_date(value):
    """2026年11月24日（火） in Asia/Tokyo."""
    return "" if value is None else presenter.jp_date(value)


@register.filter
def jp_time(value):
    if value is None:
        return ""
    return timezone.localtime(value, TOKYO).strftime("%H:%M")


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """Absolute URL of a page, headless mode included (also for light Page instances)."""
    return absolute_url(page, context["request"]) or ""


@register.simple_tag(takes_context=True)
def page_seo(context, page):
    """The page's title, description, canonical URL and share image, fallbacks applied (the
    same as the API's `Page.seo`); None for a view that shows no page."""
    if not page:
        return None
    return seo.seo_for(page, context["request"])


@register.simple_tag(takes_context=True)
def page_language(context, page):
    """The page's language for <html lang> ("ja", "en")."""
    if not page or not getattr(page, "locale_id", None):
        return locales.default_language()
    return locales.language_of(page.locale_id, context["request"])


@register.simple_tag(takes_context=True)
def page_translations(context, page):
    """The page's public versions in the other languages: (language, its name, page), for the
    language switcher."""
    if not page:
        return []
    request = context["request"]
    names = {"ja": "日本語", "en": "English", "ko": "한국어"}
    found = []
    for version in translations.translations_of(page, request):
        language = locales.language_of(version.locale_id, request)
        found.append((language, names.get(language, language), version))
    return found


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The main menu, as the API's `navigation` gives it: public pages under the site root
    marked "show in menus", in the editors' order."""
    return routing.navigation(context["request"])


@register.simple_tag(takes_context=True)
def share_image_url(context, image):
    """Absolute URL of a share image's shared copy (og:image), as the feeds carry it."""
    found = image_file(image, context["request"])
    return found.url if found is not None else ""
