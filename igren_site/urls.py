"""Root URLconf of the standalone site: Wagtail's admin, the plugin, then Wagtail's pages.

A host site does the same with its own admin: only the `include("igren_cms.plugin_urls")` line
is the plugin's.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from igren_cms import media

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("igren_cms.plugin_urls")),
]

# Uploaded files only through the visibility gate (igren_cms/media.py), in every mode: the proxy
# never serves MEDIA_ROOT itself, and with object storage the bucket stays private
# (igren_cms.storage).
if settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", media.serve))

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()

# Wagtail serves every page with a plain template, so page URLs are never null. Pages of the
# default language (Japanese) have no prefix, the others theirs: /en/events/….
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
