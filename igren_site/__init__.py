"""The standalone Igren site (make run, docker-compose): settings, root URLs, WSGI/ASGI.

Not part of the plugin wheel; a host site uses igren_cms.plugin_urls and its own settings.
"""
