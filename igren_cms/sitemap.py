"""`sitemap.xml`: Wagtail's sitemap, listing exactly the pages the public may see.

Wagtail's own `Sitemap.items()` takes live pages outside private sections; here the request's
`Audience` decides (go-live and expiry judged now, every view restriction), as for every other
output. Locations are the pages' full URLs, so in headless mode (IGREN_FRONTEND_URL) they point
at the frontend. The template is the plugin's, so a host needs no `django.contrib.sitemaps`.

With content in several languages the sitemap lists every language's pages of the site, and
each page that has public versions in other languages names them all as `xhtml:link`
alternates, with `x-default` for the default language's (Google's hreflang in sitemaps): the
versions are the listed pages themselves, grouped by translation key, so no query is added.
"""

from collections import defaultdict

from django.contrib.sitemaps import views as sitemap_views
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from pages.locales import language_of
from pages.seo import hreflang_set
from pages.visibility import audience_for


class PublicSitemap(Sitemap):
    def items(self):
        # The site scope of the visibility rule keeps this to the request's site: its home page
        # and the home's translations, with their descendants.
        pages = Page.objects.filter(depth__gt=1).order_by("path").defer_streamfields()
        return audience_for(self.request).any_locale().filter(pages).specific()

    def _urls(self, page, protocol, domain):
        """Wagtail's entries for one sitemap page, each with its language versions."""
        entries = []
        versions = defaultdict(list)
        for item in self.paginator.page(page).object_list:
            for info in item.get_sitemap_urls(self.request):
                entries.append((item.translation_key, info))
                code = language_of(item.locale_id, self.request)
                versions[item.translation_key].append((code, info["location"]))
        for key, info in entries:
            info["alternates"] = [
                {"lang_code": a.locale, "location": a.url} for a in hreflang_set(versions[key])
            ]
        last_mods = {info.get("lastmod") for _, info in entries}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return [info for _, info in entries]


@require_safe
def sitemap(request):
    response = sitemap_views.sitemap(
        request,
        {"pages": PublicSitemap(request)},
        template_name="igren_cms/sitemap.xml",
        content_type="application/xml; charset=utf-8",
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
