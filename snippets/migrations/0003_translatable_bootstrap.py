# Venues, organisations and categories become translatable (Wagtail's TranslatableMixin), step
# one of two: the locale and translation key, nullable, filled in for the rows there are. Step
# two (0004) makes them required and moves the uniqueness of names and slugs to one language.
# Two migrations, so PostgreSQL does not alter a table with the rows' updates still pending.

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from wagtail.coreutils import get_supported_content_language_variant

MODELS = ("category", "organisation", "venue")


def default_locale(Locale):
    """The default content language's Locale (the one Wagtail made), as Wagtail's own
    BootstrapTranslatableModel finds it, or the first there is."""
    try:
        code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        code = None
    return (
        Locale.objects.filter(language_code=code).first()
        or Locale.objects.order_by("pk").first()
        or Locale.objects.create(language_code=code or settings.LANGUAGE_CODE)
    )


def bootstrap(apps, schema_editor):
    """Each existing row: in the default language, with a key of its own."""
    Locale = apps.get_model("wagtailcore", "Locale")
    locale = None
    for name in MODELS:
        model = apps.get_model("igren_snippets", name)
        rows = list(model.objects.filter(translation_key__isnull=True).only("pk"))
        if rows and locale is None:
            locale = default_locale(Locale)
        for row in rows:
            row.translation_key = uuid.uuid4()
            row.locale = locale
        model.objects.bulk_update(rows, ["translation_key", "locale"], batch_size=500)


def fields(name):
    return [
        migrations.AddField(
            model_name=name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name=name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("igren_snippets", "0002_readings"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        *(operation for name in MODELS for operation in fields(name)),
        migrations.RunPython(bootstrap, migrations.RunPython.noop, elidable=True),
    ]
