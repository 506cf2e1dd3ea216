"""Uploaded images and documents keep a readable name: a Japanese file name is read and written
in Hepburn romaji (「横浜サロン　集合写真.png」 → yokohamasaron_shuugoushashin.png) before
Wagtail stores it. Left alone, Wagtail makes file names ASCII by transliterating each kanji as
Chinese (HengBangsaronJiHeXieZhen.png).

The name is changed on the model's pre_save, before the file field hands it to `upload_to`
and the storage, so every storage a host uses (local files, S3) gets the same name.
"""

import os

from django.db.models.signals import pre_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from snippets.kana import romanise


def readable_name(name: str) -> str:
    folder, base = os.path.split(name)
    stem, extension = os.path.splitext(base)
    if stem.isascii():
        return name
    return os.path.join(folder, romanise(stem) + romanise(extension).lower())


def rename_upload(sender, instance, **kwargs):
    field_file = instance.file
    if field_file and not field_file._committed:  # a new upload, not yet stored
        field_file.name = readable_name(field_file.name)


def connect():
    for model in (get_image_model(), get_document_model()):
        pre_save.connect(
            rename_upload, sender=model, dispatch_uid=f"igren_names_{model._meta.label}"
        )
