"""gunicorn's access log with the client's address, as django-axes and the rate limiter see it.

gunicorn writes its peer (`%(h)s`), which behind the proxy and the edge cache is always the edge
cache. This logger puts the address `igren_cms.client_ip` decides in its place: the proxies of
`IGREN_TRUSTED_PROXIES` skipped, a header from anyone else ignored.
"""

from gunicorn.glogging import Logger


class ClientAddressLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        from igren_cms.client_ip import address_from  # Django is set up once the app is loaded

        atoms["h"] = address_from(environ) or atoms["h"]
        return atoms
