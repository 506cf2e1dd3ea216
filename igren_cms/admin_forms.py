"""Admin forms with the Japanese labels Wagtail 8.0 leaves out.

    WAGTAILADMIN_USER_LOGIN_FORM = "igren_cms.admin_forms.LoginForm"

Wagtail's login form gives its password field no label, so Django derives "Password" from the
field's name, untranslated.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
