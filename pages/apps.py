from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    label = "igren_pages"
    verbose_name = _("Igren pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from pages import meeting_occurrences as occurrences

        # Both import models: importable only once the apps are loaded.
        from pages import search_index
        from pages.roles import after_migrate

        search_index.connect()
        occurrences.connect()

        # After every app's migrations (and permissions) exist: the 編集者/承認者 groups.
        post_migrate.connect(after_migrate, dispatch_uid="igren_pages_roles")
        # A Wagtail locale for every content language (pages/locales.py).
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from pages.locales import ensure_locales, forget_locales

        post_migrate.connect(ensure_locales, dispatch_uid="igren_pages_locales")
        for signal in (post_save, post_delete):
            signal.connect(forget_locales, sender=Locale, dispatch_uid=f"igren_locales_{signal}")
