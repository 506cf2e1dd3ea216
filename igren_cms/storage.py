"""Object storage behind the visibility gate: media in a private S3-compatible bucket.

A bucket that anyone may read would hand out every file at a guessable address, the renditions
and originals of restricted collections included. So the bucket stays private (no public-read
ACL, no public bucket policy), and a file's URL is this site's `MEDIA_URL` path, answered by
`igren_cms.media.serve`: it asks the visibility rule, then streams the object from the bucket.
Public renditions carry `Cache-Control: public, max-age=3600`, so the edge cache or a CDN keeps
them and the app streams each one about once an hour per cache.
"""

from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from igren_cms.conf import media_url


class GatedS3Storage(S3Storage):
    """django-storages' S3 backend with private objects and URLs through the gate."""

    # Objects are written without an ACL of their own, so they are as private as the bucket
    # (and stores with ACLs switched off, AWS's default, accept the write).
    default_acl = None
    querystring_auth = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        # The file's storage name, which the gate looks up (a `location` prefix stays inside).
        return media_url() + filepath_to_uri(clean_name(name))
