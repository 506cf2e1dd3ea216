from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IgrenCmsConfig(AppConfig):
    name = "igren_cms"
    label = "igren_cms"
    verbose_name = _("Igren CMS")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Both import models: importable only once the apps are loaded.
        from django.db.models.signals import post_migrate

        from igren_cms import file_names, notify, shared_cache
        from igren_cms.http_cache import version

        version.connect()
        notify.connect()
        file_names.connect()
        post_migrate.connect(shared_cache.create_cache_tables, sender=self)
