"""Root URLconf of the standalone site: Wagtail's admin, the plugin, then Wagtail's pages.

A host site does the same with its own admin: only the `include("igren_cms.plugin_urls")` line
is the plugin's.
"""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("igren_cms.plugin_urls")),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every page with a plain template, so page URLs are never null.
urlpatterns.append(path("", include(wagtail_urls)))
