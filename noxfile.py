"""The compatibility matrix: the suite on SQLite under every declared Python and Django.

    make matrix            # smoke set on every pair (what .ci/run runs)
    make matrix-full       # the whole suite on every pair

Interpreters are found on PATH (the Makefile adds pyenv's versions when present).
"""

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True

# (Python, Django): the oldest pair, and each Django 6 series on a newer Python.
MATRIX = [("3.11", "5.2"), ("3.12", "6.0"), ("3.13", "6.1")]

# Models, migrations, admin rules, the API, feeds and the served pages: what breaks first when
# Django or Python moves.
SMOKE = [
    "tests/test_pages_rules.py",
    "tests/test_pages_validation.py",
    "tests/test_demo_content.py",
    "tests/test_api_smoke.py",
    "tests/test_api_events.py",
    "tests/test_feeds_ical.py",
    "tests/test_site_pages.py",
    "tests/test_embed_page.py",
]


@nox.session
@nox.parametrize(("python", "django"), MATRIX, ids=[f"py{p}-django{d}" for p, d in MATRIX])
def tests(session, django):
    session.install("--quiet", "-e", ".[site,test]", f"Django~={django}.0")
    env = {"DATABASE_URL": "", "DJANGO_SETTINGS_MODULE": "igren_site.settings.test"}
    session.run("python", "-c", "import django, sys; print(sys.version, django.get_version())")
    session.run("python", "manage.py", "check", "--fail-level", "WARNING", env=env)
    session.run("python", "manage.py", "makemigrations", "--check", "--dry-run", env=env)
    session.run("python", "-m", "pytest", "-q", *(session.posargs or SMOKE), env=env)
