"""Production refuses to start half-configured; compose agrees with the settings."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
KEY = secrets.token_urlsafe(50)


def load_production(**env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.ALLOWED_HOSTS, settings.DEBUG)",
        ],
        env={**clean, "DJANGO_SETTINGS_MODULE": "igren_site.settings.production", **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"ALLOWED_HOSTS": "igren.example.jp"}, "SECRET_KEY"),
        ({"SECRET_KEY": KEY}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without(env, missing):
    result = load_production(**env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


@pytest.mark.parametrize("key", ["x", "short-but-random-3f9a", "x" * 60])
def test_production_refuses_a_weak_secret_key(key):
    result = load_production(SECRET_KEY=key, ALLOWED_HOSTS="igren.example.jp")
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50 characters" in result.stderr


def test_production_passes_the_deploy_checks():
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "igren_site.settings.production",
            "SECRET_KEY": KEY,
            "ALLOWED_HOSTS": "igren.example.jp",
        },
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_starts_when_configured():
    result = load_production(SECRET_KEY=KEY, ALLOWED_HOSTS="igren.example.jp,www.example.jp")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['igren.example.jp', 'www.example.jp'] False"


def test_japanese_first(settings):
    assert settings.LANGUAGE_CODE == "ja"
    assert settings.TIME_ZONE == "Asia/Tokyo"
    assert settings.USE_TZ
    assert "grapple" not in settings.INSTALLED_APPS


def test_compose_services_read_the_settings_variables():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"db", "migrate", "web"} <= set(services)
    settings_source = "".join(
        (ROOT / "igren_site/settings" / f).read_text() for f in ("base.py", "production.py")
    )
    for name in ("migrate", "web"):
        env = services[name]["environment"]
        assert env["DJANGO_SETTINGS_MODULE"] == "igren_site.settings.production"
        for variable in env:
            if variable not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH"}:
                assert f'"{variable}"' in settings_source, f"{variable} is not read by settings"
        # igren_site is not in the wheel: it is imported from the mounted checkout.
        assert env["PYTHONPATH"] == services[name]["working_dir"]
        for required in ("DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS"):
            assert required in env
    db_env = services["db"]["environment"]
    url = services["web"]["environment"]["DATABASE_URL"]
    assert f"@db:5432/{db_env['POSTGRES_DB']}" in url
    assert url.startswith(f"postgres://{db_env['POSTGRES_USER']}:")
    assert "gunicorn -c igren_site/gunicorn.conf.py" in services["web"]["command"]
    assert services["web"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )
    assert services["web"]["environment"]["REDIS_URL"].startswith("redis://redis:")
    assert "redis" in services


def test_only_the_proxy_is_published_and_it_agrees_with_gunicorn_and_the_settings():
    import re
    import runpy

    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    assert "ports" not in services["web"], "gunicorn must not be reachable without the proxy"
    assert set(services["proxy"]["ports"]) >= {"80:80", "443:443"}

    gunicorn = runpy.run_path(str(ROOT / "igren_site/gunicorn.conf.py"))
    assert gunicorn["wsgi_app"] == "igren_site.wsgi:application"
    assert gunicorn["worker_class"] == "gthread" and gunicorn["threads"] >= 2
    assert gunicorn["preload_app"] is True
    assert gunicorn["timeout"] <= 60
    assert gunicorn["limit_request_line"] <= 8190 and gunicorn["limit_request_fields"] <= 100
    port = gunicorn["bind"].rsplit(":", 1)[1]
    assert services["web"]["expose"] == [port]

    caddyfile = (ROOT / "igren_site/Caddyfile").read_text()
    assert "reverse_proxy {$UPSTREAM:web:" + port + "}" in caddyfile
    assert "buffer_requests" in caddyfile  # slow uploads never reach a worker (Caddy 2.6)
    assert services["proxy"]["image"] == "caddy:2.6.2"  # the version the test runs
    mounts = {v.split(":")[1]: v.split(":")[0] for v in services["proxy"]["volumes"]}
    assert mounts["/etc/caddy/Caddyfile"] == "./igren_site/Caddyfile"
    env = services["web"]["environment"]
    root = re.search(r"handle_path /static/\* {\s*root \* {\$STATIC_ROOT:(\S+)}", caddyfile)
    assert root.group(1) == env["STATIC_ROOT"] == services["proxy"]["environment"]["STATIC_ROOT"]
    assert mounts[env["STATIC_ROOT"]] == "static"  # the same named volume as the app's
    app_mounts = {v.split(":")[1]: v.split(":")[0] for v in services["web"]["volumes"]}
    assert app_mounts[env["STATIC_ROOT"]] == "static"
    # Uploaded files are the gate's business: the proxy has no access to them at all.
    assert "media" not in mounts.values()
    edge = services["varnish"]
    assert edge["profiles"] == ["edge"]
    assert "./igren_site/varnish:/etc/varnish:ro" in edge["volumes"]


def test_an_unknown_host_is_one_warning_line_without_a_traceback(client, caplog):
    import logging

    with caplog.at_level(logging.WARNING):
        response = client.get("/feeds/events.ics", HTTP_HOST="evil.example")
    assert response.status_code == 400
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(records) == 1
    assert records[0].levelname == "WARNING" and records[0].exc_info is None
    assert "evil.example" in records[0].getMessage()
