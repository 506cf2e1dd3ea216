# Step two of making snippets translatable (see 0003): locale and key required, one version of
# a thing per language, and names and category slugs unique within a language.

import uuid

import django.db.models.deletion
from django.db import migrations, models


def required(name):
    return [
        migrations.AlterField(
            model_name=name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name=name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("igren_snippets", "0003_translatable_bootstrap"),
    ]

    operations = [
        *(operation for name in ("category", "organisation", "venue") for operation in required(name)),
        migrations.AlterField(
            model_name="category",
            name="name",
            field=models.CharField(max_length=100, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="category",
            name="slug",
            field=models.SlugField(
                help_text="Latin letters, digits and hyphens; used in feed and API filters.",
                max_length=100,
                verbose_name="slug",
            ),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="name",
            field=models.CharField(max_length=200, verbose_name="name"),
        ),
        migrations.AddConstraint(
            model_name="category",
            constraint=models.UniqueConstraint(
                fields=("translation_key", "locale"), name="unique_translation_key_locale_category"
            ),
        ),
        migrations.AddConstraint(
            model_name="category",
            constraint=models.UniqueConstraint(
                fields=("name", "locale"), name="unique_category_name_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="category",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="unique_category_slug_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.UniqueConstraint(
                fields=("translation_key", "locale"),
                name="unique_translation_key_locale_organisation",
            ),
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.UniqueConstraint(
                fields=("name", "locale"), name="unique_organisation_name_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="venue",
            constraint=models.UniqueConstraint(
                fields=("translation_key", "locale"), name="unique_translation_key_locale_venue"
            ),
        ),
    ]
