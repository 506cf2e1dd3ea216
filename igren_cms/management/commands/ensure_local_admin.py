import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from igren_cms.conf import debug


class Command(BaseCommand):
    help = "Create a local superuser 'admin' with a random password, printed once (dev only)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not debug():
            raise CommandError("ensure_local_admin is for local development (DEBUG) only.")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Admin user '{username}' already exists "
                f"(reset its password with: manage.py changepassword {username})."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created admin user for http://127.0.0.1:8000/admin/ — "
                f"username: {username}  password: {password}  (shown only this once)"
            )
        )
