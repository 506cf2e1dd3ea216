from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IgrenCmsConfig(AppConfig):
    name = "igren_cms"
    label = "igren_cms"
    verbose_name = _("Igren CMS")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Both import models: importable only once the apps are loaded.
        from igren_cms import notify
        from igren_cms.http_cache import version

        version.connect()
        notify.connect()
