from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    label = "igren_pages"
    verbose_name = _("Igren pages")
    default_auto_field = "django.db.models.BigAutoField"
