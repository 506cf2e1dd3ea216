"""`sitemap.xml`: Wagtail's sitemap, listing exactly the pages the public may see.

Wagtail's own `Sitemap.items()` takes live pages outside private sections; here the request's
`Audience` decides (go-live and expiry judged now, every view restriction), as for every other
output. Locations are the pages' full URLs, so in headless mode (IGREN_FRONTEND_URL) they point
at the frontend. The template is the plugin's, so a host needs no `django.contrib.sitemaps`.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap

from pages.visibility import audience_for


class PublicSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        pages = root.get_descendants(inclusive=True).order_by("path").defer_streamfields()
        return audience_for(self.request).any_locale().filter(pages).specific()


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
